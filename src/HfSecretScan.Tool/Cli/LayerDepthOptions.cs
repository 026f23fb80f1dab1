using System.CommandLine;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Tool.Cli;

/// <summary>How far below the bytes a run looks: <c>--max-decode-depth</c> and <c>--max-archive-depth</c>, overriding the configuration.</summary>
internal sealed class LayerDepthOptions
{
    public Option<int?> MaxDecodeDepth { get; } = new("--max-decode-depth")
    {
        HelpName = "N",
        Description = "Decode encoded tokens up to N encodings deep (base64, hex, percent, \\u, HTML, quoted-printable; default 2, 0 turns decoding off).",
    };

    public Option<int?> MaxArchiveDepth { get; } = new("--max-archive-depth")
    {
        HelpName = "N",
        Description = "Open archives and compressed files up to N levels deep (zip, tar, gzip, bzip2, xz; default 5, 0 turns it off).",
    };

    public LayerDepthOptions()
    {
        foreach (var option in new[] { MaxDecodeDepth, MaxArchiveDepth })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int?>() is < 0)
                {
                    result.AddError($"{option.Name} must be 0 or more.");
                }
            });
        }
    }

    public void AddTo(Command command)
    {
        command.Options.Add(MaxDecodeDepth);
        command.Options.Add(MaxArchiveDepth);
    }

    /// <summary><paramref name="request"/> with the depths given on the command line, if any.</summary>
    public ScanRequest Apply(ScanRequest request, ParseResult parse) => request with
    {
        MaxDecodeDepth = parse.GetValue(MaxDecodeDepth) ?? request.MaxDecodeDepth,
        MaxArchiveDepth = parse.GetValue(MaxArchiveDepth) ?? request.MaxArchiveDepth,
    };
}
