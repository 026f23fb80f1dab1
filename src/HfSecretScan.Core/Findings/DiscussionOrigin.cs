namespace HfSecretScan.Findings;

/// <summary>Where in a Hugging Face discussion or pull request a finding's text comes from.</summary>
/// <param name="Num">The discussion's number (a pull request's ref is <c>refs/pr/{Num}</c>).</param>
/// <param name="Event">
/// Which text of it: <c>title</c>, <c>comment 2</c> (the opening post is comment 1),
/// <c>comment 2, edit 1</c> for an earlier version, <c>title change 4</c>, <c>diff</c>.
/// </param>
/// <param name="Author">Who wrote that text, when the Hub says.</param>
public sealed record DiscussionOrigin(int Num, string Event, string? Author = null);
