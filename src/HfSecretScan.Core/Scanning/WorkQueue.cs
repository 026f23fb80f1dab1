namespace HfSecretScan.Scanning;

/// <summary>
/// A bounded hand-off from one producer to several consumers whose waits block instead of spinning.
/// A full queue stops the producer until it is half empty, so that it wakes once per half a queue,
/// not once per item taken.
/// </summary>
/// <remarks>
/// <c>BlockingCollection</c> waited on a full queue with <c>SemaphoreSlim</c>, which spins and yields
/// before it blocks; the walk outruns the readers on a warm cache, so it spun on every slot freed
/// and took CPU from them on a two-core machine (bench/notes/tree.md). Only one side ever waits at
/// a time (the producer on a full queue, consumers on an empty one), so one monitor serves both.
/// </remarks>
/// <typeparam name="T">The items.</typeparam>
internal sealed class WorkQueue<T> : IDisposable
{
    private readonly Queue<T> _items = new();
    private readonly object _gate = new();
    private readonly int _capacity;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _cancellation;
    private bool _completed;
    private bool _producerWaiting;
    private int _consumersWaiting;

    /// <summary>Creates a queue of at most <paramref name="capacity"/> items; <paramref name="cancellationToken"/> ends every wait.</summary>
    public WorkQueue(int capacity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _capacity = capacity;
        _cancellationToken = cancellationToken;
        _cancellation = cancellationToken.Register(WakeAll);
    }

    /// <summary>Whether the producer is waiting for room (for tests that must know it waits before they take).</summary>
    internal bool ProducerWaiting
    {
        get
        {
            lock (_gate)
            {
                return _producerWaiting;
            }
        }
    }

    /// <summary>Adds <paramref name="item"/>, waiting while the queue is full.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public void Add(T item)
    {
        lock (_gate)
        {
            while (_items.Count >= _capacity)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                _producerWaiting = true;
                Monitor.Wait(_gate);
            }

            _cancellationToken.ThrowIfCancellationRequested();
            _items.Enqueue(item);
            if (_consumersWaiting > 0)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    /// <summary>No more items will be added: consumers finish what is queued, then stop.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The next item, waiting while the queue is empty; false once it is empty and complete.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public bool TryTake(out T item)
    {
        lock (_gate)
        {
            while (_items.Count == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (_completed)
                {
                    item = default!;
                    return false;
                }

                _consumersWaiting++;
                Monitor.Wait(_gate);
                _consumersWaiting--;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            item = _items.Dequeue();
            if (_producerWaiting && _items.Count <= _capacity / 2)
            {
                _producerWaiting = false;
                Monitor.Pulse(_gate);
            }

            return true;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _cancellation.Dispose();

    private void WakeAll()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
