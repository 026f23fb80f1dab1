using HfSecretScan.Scanning;

namespace HfSecretScan.Tests.Scanning;

[TestClass]
public sealed class WorkQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [TestMethod]
    public void EveryItem_ReachesExactlyOneConsumer_InOrderPerConsumer()
    {
        using var queue = new WorkQueue<int>(8, CancellationToken.None);
        var taken = new List<int>[3];
        var consumers = Enumerable.Range(0, 3).Select(c => Task.Run(() =>
        {
            taken[c] = [];
            while (queue.TryTake(out int item))
            {
                taken[c].Add(item);
            }
        })).ToArray();

        for (int i = 0; i < 10_000; i++)
        {
            queue.Add(i);
        }

        queue.Complete();
        Assert.IsTrue(Task.WaitAll(consumers, Patience));
        CollectionAssert.AreEqual(Enumerable.Range(0, 10_000).ToArray(), taken.SelectMany(t => t).Order().ToArray());
        foreach (var list in taken)
        {
            CollectionAssert.AreEqual(list.Order().ToArray(), list.ToArray(), "one producer: each consumer sees its items in the order added");
        }
    }

    [TestMethod]
    public void A_full_queue_holds_the_producer_until_it_is_half_empty()
    {
        using var queue = new WorkQueue<int>(8, CancellationToken.None);
        for (int i = 0; i < 8; i++)
        {
            queue.Add(i);
        }

        using var added = new ManualResetEventSlim();
        var producer = Task.Run(() =>
        {
            queue.Add(8);
            added.Set();
        });

        Assert.IsTrue(SpinWait.SpinUntil(() => queue.ProducerWaiting, Patience), "the producer waits on the full queue");
        for (int i = 0; i < 3; i++)
        {
            Assert.IsTrue(queue.TryTake(out _));
            Assert.IsFalse(added.Wait(TimeSpan.FromMilliseconds(100)), $"still waiting with {7 - i} of 8 queued");
        }

        Assert.IsTrue(queue.TryTake(out _));
        Assert.IsTrue(added.Wait(Patience), "resumed at 4 of 8");
        Assert.IsTrue(producer.Wait(Patience));
    }

    [TestMethod]
    public void Cancellation_ends_the_waits_of_both_sides()
    {
        using var cancel = new CancellationTokenSource();
        using var full = new WorkQueue<int>(2, cancel.Token);
        full.Add(1);
        full.Add(2);
        using var empty = new WorkQueue<int>(2, cancel.Token);
        var producer = Task.Run(() => full.Add(3));
        var consumer = Task.Run(() => empty.TryTake(out _));
        Assert.IsFalse(Task.WaitAny([producer, consumer], TimeSpan.FromMilliseconds(100)) >= 0, "both wait");

        cancel.Cancel();

        Assert.ThrowsExactly<AggregateException>(() => Task.WaitAll([producer, consumer], Patience));
        Assert.IsInstanceOfType<OperationCanceledException>(producer.Exception!.InnerException);
        Assert.IsInstanceOfType<OperationCanceledException>(consumer.Exception!.InnerException);
    }

    [TestMethod]
    public void Complete_lets_waiting_consumers_go_once_the_queue_is_drained()
    {
        using var queue = new WorkQueue<int>(4, CancellationToken.None);
        queue.Add(7);
        var consumers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            int count = 0;
            while (queue.TryTake(out _))
            {
                count++;
            }

            return count;
        })).ToArray();

        queue.Complete();

        Assert.IsTrue(Task.WaitAll(consumers, Patience));
        Assert.AreEqual(1, consumers.Sum(c => c.Result));
    }
}
