using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HfSecretScan.Findings;
using HfSecretScan.Verification;

namespace HfSecretScan.Reporting;

/// <summary>
/// One self-contained HTML page for an auditor: a header with what was scanned and the totals, then
/// one element per distinct token (<c>data-fingerprint</c>) with the facts of the text summary,
/// every place it occurs, a timeline, filters and a search box. Style and script are inline and the
/// page's Content-Security-Policy allows no request at all, so it works offline and from disk.
/// </summary>
/// <remarks>
/// The groups travel as JSON inside the page (every <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quote
/// escaped, so no text can close the script element) and the script builds the elements with
/// <c>textContent</c>, never markup, so a path such as <c>&lt;img src=x onerror=…&gt;</c> stays
/// text. It renders the groups that match the filters a page at a time as the reader scrolls, and
/// a group's places only when it is opened, so ten thousand findings stay responsive.
/// </remarks>
public sealed class HtmlReporter : IReporter
{
    /// <summary>The format's name for <c>--format</c>.</summary>
    public const string FormatName = "html";

    /// <summary>The page's Content-Security-Policy: inline style and script only, no request of any kind.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private static readonly string Style = Resource("report.css");
    private static readonly string Script = Resource("report.js");

    /// <inheritdoc />
    public void Write(ScanReport report, ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var html = HtmlEncoder.Default;
        var groups = TokenGroup.Of(report.Findings);
        string? remote = RemoteUrl.WithoutCredentials(context.Remote);
        string scanned = context.ProjectRoot ?? "standard input";
        writer.Write($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>hf-scan: {html.Encode(TokenGroupText.Heading(groups))} ({html.Encode(scanned)})</title>
            <style>{Style}</style>
            </head>
            <body>
            <header>
            <h1>Hugging Face tokens: {html.Encode(TokenGroupText.Heading(groups))}</h1>
            <dl class="facts">
            <dt>Scanned</dt><dd>{html.Encode(scanned)}</dd>

            """);
        if (remote is not null)
        {
            writer.Write($"<dt>Remote</dt><dd>{html.Encode(remote)}</dd>\n");
        }

        string when = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        writer.Write($"""
            <dt>When</dt><dd>{when}, by hf-scan {html.Encode(context.ToolVersion)}</dd>
            <dt>Totals</dt><dd>{html.Encode(TextReporter.Summary(report))}</dd>
            <dt>Verdicts</dt><dd>{html.Encode(Verdicts(groups))}</dd>
            </dl>
            </header>
            <noscript><p class="warning">The token list needs JavaScript; the same facts are in <code>--format json</code> and <code>--format text</code>.</p></noscript>
            <section id="controls" aria-label="Filters">
            <input id="search" type="search" placeholder="Search redacted token, fingerprint, path, commit, author, ref" aria-label="Search">
            <select id="rule" aria-label="Rule"><option value="">every rule</option></select>
            <select id="verdict" aria-label="Verdict"><option value="">every verdict</option><option value="live">live</option><option value="unknown">unknown</option><option value="invalid">invalid</option><option value="unverified">not verified</option></select>
            <select id="reach" aria-label="Where"><option value="">anywhere</option><option value="head">at HEAD</option><option value="history">history only</option><option value="unreachable">unreachable only</option><option value="files">in files</option></select>
            <span id="shown" role="status"></span>
            </section>
            <main id="groups"></main>
            <button id="more" type="button" hidden>Show more</button>

            """);
        WriteProblems(report, writer, html);
        writer.Write("<script type=\"application/json\" id=\"report-data\">");
        writer.Write(Data(report, HostLinks.FromRemote(context.Remote)));
        writer.Write($"""
            </script>
            <script>{Script}</script>
            </body>
            </html>

            """);
    }

    private static string Verdicts(IReadOnlyList<TokenGroup> groups)
    {
        if (groups.All(g => g.Verification is null))
        {
            return "not verified (run with --verify to ask Hugging Face which tokens are live)";
        }

        var counts = groups.GroupBy(g => g.Verification is { } v ? VerificationText.Status(v) : "not verified").Select(g => $"{g.Count()} {g.Key}");
        int critical = groups.Count(g => g.Verification?.Severity == VerificationSeverity.Critical);
        return string.Join(", ", counts) + (critical > 0 ? $" ({critical} can write: critical)" : string.Empty);
    }

    private static void WriteProblems(ScanReport report, TextWriter writer, HtmlEncoder html)
    {
        if (report.Problems.Count == 0 && report.Skipped.Count == 0)
        {
            return;
        }

        writer.Write($"<details id=\"problems\"><summary>{report.Problems.Count} could not be read, {report.Skipped.Count} skipped</summary><ul>\n");
        foreach (var problem in report.Problems)
        {
            writer.Write($"<li class=\"problem\">{html.Encode(problem.Path)}: {html.Encode(problem.Message)}</li>\n");
        }

        foreach (var skipped in report.Skipped)
        {
            writer.Write($"<li>skipped {html.Encode(skipped.Path)}: {html.Encode(skipped.Reason)}</li>\n");
        }

        writer.Write("</ul></details>\n");
    }

    /// <summary>The page's data: the JSON report's token groups, and the findings they point to with their links.</summary>
    private static string Data(ScanReport report, HostLinks? links)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteString("host", links?.HostName);
            json.WriteStartArray("rules");
            foreach (var rule in Detection.TokenRules.All)
            {
                json.WriteStringValue(rule.Id);
            }

            json.WriteEndArray();
            TokenGroupJson.WriteAll(json, "tokens", report);
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WritePlace(json, finding, links);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WritePlace(Utf8JsonWriter json, Finding finding, HostLinks? links)
    {
        json.WriteStartObject();
        json.WriteString("path", finding.Path);
        json.WriteString("where", FindingText.Location(finding));
        if (finding.Line is { } line)
        {
            json.WriteNumber("line", line);
        }

        if (finding.Commit is { } commit)
        {
            json.WriteString("objectId", commit.ObjectId);
            json.WriteString("commit", commit.CommitId);
            json.WriteString("author", commit.Author);
            if (commit.Date is { } date)
            {
                json.WriteString("date", date);
            }

            json.WriteBoolean("unreachable", commit.Unreachable);
            json.WriteBoolean("atHead", commit.AtHead);
            if (links is not null && commit.CommitId is { } id && !commit.Unreachable)
            {
                json.WriteString("commitUrl", links.Commit(id));
                if (!commit.InMessage)
                {
                    json.WriteString("fileUrl", links.File(id, finding.OuterPath, finding.InnerPath is null ? finding.Line : null));
                }
            }
        }

        json.WriteEndObject();
    }

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlReporter).Assembly.GetManifestResourceStream("HfSecretScan.Reporting.Html." + name)
            ?? throw new InvalidOperationException($"The HTML report's {name} is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
