namespace HfSecretScan.Hub;

/// <summary>One text of a discussion to scan: its title, a comment's current or earlier version, an old title.</summary>
/// <param name="Event">How reports name it, e.g. <c>comment 2</c> (see <see cref="Findings.DiscussionOrigin.Event"/>).</param>
/// <param name="Text">The raw text (markdown as written, not the rendered HTML).</param>
/// <param name="Author">Who wrote it, when the Hub says.</param>
public sealed record DiscussionText(string Event, string Text, string? Author);
