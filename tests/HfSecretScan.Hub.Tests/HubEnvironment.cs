namespace HfSecretScan.Hub.Tests;

/// <summary>Sets the token variables the audit reads for the length of a test, and restores them.</summary>
internal sealed class HubEnvironment : IDisposable
{
    private static readonly string[] Names = ["HF_TOKEN", "HF_TOKEN_PATH", "HF_HOME", "HF_ENDPOINT"];
    private readonly Dictionary<string, string?> _saved = Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

    /// <param name="token">HF_TOKEN; null for none (and no token file either).</param>
    public HubEnvironment(string? token)
    {
        Environment.SetEnvironmentVariable("HF_TOKEN", token);
        Environment.SetEnvironmentVariable("HF_TOKEN_PATH", Path.Combine(Path.GetTempPath(), "hfscan-no-token-" + Guid.NewGuid().ToString("N")));
        Environment.SetEnvironmentVariable("HF_HOME", null);
        Environment.SetEnvironmentVariable("HF_ENDPOINT", null);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
