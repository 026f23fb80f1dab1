namespace HfSecretScan.Decoding;

/// <summary>The names reports give the encodings a token can be found under (JSON <c>decoded</c>, SARIF <c>properties.decoded</c>, text).</summary>
public static class EncodingNames
{
    /// <summary>Base64 with the standard alphabet (<c>+</c>, <c>/</c>).</summary>
    public const string Base64 = "base64";

    /// <summary>Base64 with the URL-safe alphabet (<c>-</c>, <c>_</c>).</summary>
    public const string Base64Url = "base64url";

    /// <summary>Two hexadecimal digits per byte.</summary>
    public const string Hex = "hex";

    /// <summary>URL percent-encoding (<c>%68</c>).</summary>
    public const string Percent = "percent";

    /// <summary><c>\uXXXX</c> escapes (JSON, JavaScript, C#, Python).</summary>
    public const string UnicodeEscape = "unicode-escape";

    /// <summary>HTML and XML character references (<c>&amp;#104;</c>, <c>&amp;#x68;</c>).</summary>
    public const string Html = "html";

    /// <summary>MIME quoted-printable (<c>=68</c>, soft line breaks).</summary>
    public const string QuotedPrintable = "quoted-printable";
}
