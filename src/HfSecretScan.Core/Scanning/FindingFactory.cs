using HfSecretScan.Containers;
using HfSecretScan.Findings;

namespace HfSecretScan.Scanning;

/// <summary>Turns located tokens of one content into findings named by a path.</summary>
public static class FindingFactory
{
    /// <summary>The finding for <paramref name="token"/> in content named <paramref name="path"/>.</summary>
    public static Finding Create(LocatedToken token, string path, CommitOrigin? commit = null) => new()
    {
        Rule = token.Token.Rule,
        Secret = new Secret(token.Token.Rule, token.Token.Value),
        Path = token.InnerPath is null ? Secret.RedactAll(path) : Secret.RedactAll(path) + ContainerPath.Separator + Secret.RedactAll(ContainerPath.Resolve(path, token.InnerPath)),
        InnerPath = token.InnerPath is null ? null : Secret.RedactAll(ContainerPath.Resolve(path, token.InnerPath)),
        Decoded = token.Token.Decoded,
        Line = token.Line > 0 ? token.Line : null,
        Column = token.Line > 0 ? token.Column : null,
        ByteOffset = token.Token.Offset,
        Form = token.Token.Form,
        Commit = commit,
    };
}
