namespace HfSecretScan.Detection;

/// <summary>How the characters of a token are laid out in bytes.</summary>
public enum ByteForm
{
    /// <summary>One byte per character: ASCII, UTF-8 and any ASCII-compatible encoding.</summary>
    Ascii,

    /// <summary>Two bytes per character, low byte first (.NET string literals, Windows text).</summary>
    Utf16LE,

    /// <summary>Two bytes per character, high byte first.</summary>
    Utf16BE,
}

internal static class ByteFormExtensions
{
    /// <summary>Bytes per character of the form.</summary>
    public static int UnitSize(this ByteForm form) => form == ByteForm.Ascii ? 1 : 2;

    /// <summary>
    /// The ASCII character at byte index <paramref name="byteIndex"/> of <paramref name="bytes"/>
    /// read in this form, or -1 when that character is not ASCII (or is cut off).
    /// </summary>
    public static int AsciiAt(this ByteForm form, ReadOnlySpan<byte> bytes, int byteIndex)
    {
        switch (form)
        {
            case ByteForm.Ascii:
                return (uint)byteIndex < (uint)bytes.Length && bytes[byteIndex] < 0x80 ? bytes[byteIndex] : -1;
            case ByteForm.Utf16LE:
                if (byteIndex < 0 || byteIndex + 1 >= bytes.Length || bytes[byteIndex + 1] != 0 || bytes[byteIndex] >= 0x80)
                {
                    return -1;
                }

                return bytes[byteIndex];
            default:
                if (byteIndex < 0 || byteIndex + 1 >= bytes.Length || bytes[byteIndex] != 0 || bytes[byteIndex + 1] >= 0x80)
                {
                    return -1;
                }

                return bytes[byteIndex + 1];
        }
    }
}
