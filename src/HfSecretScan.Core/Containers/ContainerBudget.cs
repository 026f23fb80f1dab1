using System.Diagnostics;

namespace HfSecretScan.Containers;

/// <summary>
/// What the containers of one outer file have cost so far, against <see cref="ContainerLimits"/>.
/// A limit that trips stops every stream of that file (they end early), and is reported once.
/// Used by one thread: the containers of one file are read by the worker scanning it.
/// </summary>
internal sealed class ContainerBudget(ContainerLimits limits)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _inflated;

    /// <summary>The limits applied.</summary>
    public ContainerLimits Limits { get; } = limits;

    /// <summary>Why reading stopped, once a limit tripped; null until then.</summary>
    public string? Tripped { get; private set; }

    /// <summary>Counts <paramref name="bytes"/> more inflated; false (and <see cref="Tripped"/> set) once the total or the time is over.</summary>
    public bool Charge(long bytes)
    {
        if (Tripped is not null)
        {
            return false;
        }

        _inflated += bytes;
        if (_inflated > Limits.MaxInflatedBytes)
        {
            return Trip($"more than {Limits.MaxInflatedBytes:N0} bytes inflated from this file (archiveLimits.maxInflatedBytes)");
        }

        return _clock.Elapsed <= Limits.Timeout || Trip($"more than {Limits.Timeout.TotalSeconds:N0} s spent in its archives (archiveLimits.timeoutSeconds)");
    }

    /// <summary>Stops reading for <paramref name="reason"/>; returns false for use in conditions.</summary>
    public bool Trip(string reason)
    {
        Tripped ??= reason;
        return false;
    }
}
