namespace HfSecretScan.Verification;

/// <summary>
/// Holds every request back until a rate limit resets: Hugging Face limits per address, so
/// when one request is told to wait, asking with the other tokens meanwhile only earns more 429s.
/// One gate per run: a Hub audit and the verification after it share it.
/// </summary>
/// <param name="time">The clock the gate waits on.</param>
public sealed class RateLimitGate(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _openAt = DateTimeOffset.MinValue;

    /// <summary>Closes the gate for <paramref name="wait"/> from now (never shortens a longer closure).</summary>
    public void CloseFor(TimeSpan wait)
    {
        var until = time.GetUtcNow() + wait;
        lock (_lock)
        {
            if (until > _openAt)
            {
                _openAt = until;
            }
        }
    }

    /// <summary>Returns when the gate is open.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset openAt;
            lock (_lock)
            {
                openAt = _openAt;
            }

            var remaining = openAt - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(remaining, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
