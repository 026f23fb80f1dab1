using System.Runtime.InteropServices;

namespace HfSecretScan.Git.Storage.Packs;

/// <summary>
/// Inflates a zlib stream held whole in memory into a buffer, with zlib states kept from object to
/// object. A <see cref="System.IO.Compression.ZLibStream"/> per object set up its native state, its
/// window, a finalizable handle and three managed objects for each of the hundreds of thousands of
/// small trees and deltas a history holds; here a state is reset, not rebuilt (bench/notes/history.md).
/// It calls the runtime's own zlib shim (System.IO.Compression.Native, which every .NET runtime ships
/// and the Native AOT tool links in); where that cannot be called, <see cref="Available"/> is false
/// and callers inflate through <see cref="System.IO.Compression.ZLibStream"/>.
/// </summary>
internal static unsafe partial class ZlibInflater
{
    // zlib's format (not raw deflate, not gzip) with its largest window: what git writes.
    private const int ZlibWindowBits = 15;
    private const int NoFlush = 0;
    private const int Ok = 0;
    private const int StreamEnd = 1;
    private const int BufferError = -5;

    // States not in use, one slot each; more callers at once than slots get a state of their own.
    private static readonly nint[] Spare = new nint[2 * Environment.ProcessorCount];

    /// <summary>Whether the shim can be called here.</summary>
    public static bool Available { get; } = Probe();

    /// <summary>
    /// Inflates <paramref name="source"/> into <paramref name="destination"/>; returns how many bytes it
    /// wrote, with <paramref name="more"/> true when the stream holds more than the destination takes.
    /// A stream that ends early writes fewer bytes; one cut off after its data (its checksum missing)
    /// counts as whole, as <see cref="System.IO.Compression.ZLibStream"/> takes it.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not zlib data.</exception>
    public static int Inflate(ReadOnlySpan<byte> source, Span<byte> destination, out bool more)
    {
        var stream = Rent();
        try
        {
            Check(InflateReset(stream, ZlibWindowBits), stream);
            fixed (byte* input = source)
            fixed (byte* output = destination)
            {
                // zlib refuses a null buffer even when its length is 0, and an empty span pins to null.
                byte none;
                stream->NextIn = input is null ? &none : input;
                stream->AvailIn = (uint)source.Length;
                stream->NextOut = output is null ? &none : output;
                stream->AvailOut = (uint)destination.Length;
                int result = Run(stream);
                int written = destination.Length - (int)stream->AvailOut;
                more = false;
                if (result != StreamEnd && stream->AvailOut == 0)
                {
                    // Full: one byte more tells a longer stream from one whose end marker is still unread.
                    byte probe;
                    stream->NextOut = &probe;
                    stream->AvailOut = 1;
                    Run(stream);
                    more = stream->AvailOut == 0;
                }

                return written;
            }
        }
        finally
        {
            Return(stream);
        }
    }

    /// <summary>Inflates until the stream ends or the input or the output runs out; zlib's result.</summary>
    private static int Run(ZStream* stream)
    {
        while (true)
        {
            int result = InflateNative(stream, NoFlush);
            if (result is StreamEnd or BufferError)
            {
                return result; // a buffer error only says no progress was possible
            }

            Check(result, stream);
            if (stream->AvailIn == 0 || stream->AvailOut == 0)
            {
                return result;
            }
        }
    }

    private static void Check(int result, ZStream* stream)
    {
        if (result is Ok or StreamEnd)
        {
            return;
        }

        string why = stream->Message is null ? $"zlib error {result}" : Marshal.PtrToStringUTF8((nint)stream->Message) ?? $"zlib error {result}";
        throw new InvalidDataException($"not valid zlib data ({why})");
    }

    private static ZStream* Rent()
    {
        for (int i = 0; i < Spare.Length; i++)
        {
            nint taken = Interlocked.Exchange(ref Spare[i], 0);
            if (taken != 0)
            {
                return (ZStream*)taken;
            }
        }

        var stream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
        int result = InflateInit(stream, ZlibWindowBits);
        if (result != Ok)
        {
            NativeMemory.Free(stream);
            throw new InsufficientMemoryException($"zlib could not set up an inflater (error {result}).");
        }

        return stream;
    }

    private static void Return(ZStream* stream)
    {
        for (int i = 0; i < Spare.Length; i++)
        {
            if (Interlocked.CompareExchange(ref Spare[i], (nint)stream, 0) == 0)
            {
                return;
            }
        }

        _ = InflateEnd(stream); // only fails for a state that is not one, and it is freed either way
        NativeMemory.Free(stream);
    }

    private static bool Probe()
    {
        try
        {
            Return(Rent());
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libSystem.IO.Compression.Native", EntryPoint = "CompressionNative_InflateInit2_")]
    private static partial int InflateInit(ZStream* stream, int windowBits);

    [LibraryImport("libSystem.IO.Compression.Native", EntryPoint = "CompressionNative_InflateReset2_")]
    private static partial int InflateReset(ZStream* stream, int windowBits);

    [LibraryImport("libSystem.IO.Compression.Native", EntryPoint = "CompressionNative_Inflate")]
    private static partial int InflateNative(ZStream* stream, int flush);

    [LibraryImport("libSystem.IO.Compression.Native", EntryPoint = "CompressionNative_InflateEnd")]
    private static partial int InflateEnd(ZStream* stream);

    /// <summary>The shim's PAL_ZStream (pal_zlib.h): its own layout, which it copies to and from zlib's.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ZStream
    {
        public byte* NextIn;
        public byte* NextOut;
        public byte* Message;
        public nint InternalState;
        public uint AvailIn;
        public uint AvailOut;
    }
}
