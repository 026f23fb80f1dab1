using System.Text;
using System.Text.Json;
using HfSecretScan.Tests;

namespace HfSecretScan.Tool.Tests;

/// <summary>A multi-gigabyte file is streamed in windows: found tokens, bounded memory.</summary>
[TestClass]
public sealed class SparseFileTests
{
    // Past 2 GiB, so that the last two tokens lie beyond any 32-bit signed offset; more adds only time.
    private const long Size = (2L << 30) + (64L << 20);

    [TestMethod]
    [DoNotParallelize]
    public async Task ScansASparseFileBeyondTwoGigabytesWithBoundedMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("Measures peak memory through /proc/self (Linux).");
        }

        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "model.safetensors");
        string nearEnd = TestTokens.User(61), acrossEdge = TestTokens.Org(62), wide = TestTokens.User(63);
        // The default window's candidate limit falls 32 bytes past each mebibyte: this token straddles one.
        long edgeOffset = (1L << 30) + 12, wideOffset = (2L << 30) + 1, endOffset = Size - 1000;
        using (var file = File.Create(path))
        {
            file.SetLength(Size);
            WriteAt(file, edgeOffset, Encoding.ASCII.GetBytes(acrossEdge));
            WriteAt(file, wideOffset, Encoding.Unicode.GetBytes(wide));
            WriteAt(file, endOffset, Encoding.ASCII.GetBytes(nearEnd));
        }

        long before = ResetPeakAndReadResident();
        var result = await CliRun.RunAsync("scan", path, "--format", "json");
        long growth = ReadPeakResident() - before;

        Assert.AreEqual(1, result.ExitCode, result.All);
        using var report = JsonDocument.Parse(result.Out);
        var found = report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("byteOffset").GetInt64(), f.GetProperty("ruleId").GetString(), f.GetProperty("encoding").GetString()))
            .ToArray();
        CollectionAssert.AreEqual(
            new[] { (edgeOffset, "hf-org-token", "ascii"), (wideOffset, "hf-user-token", "utf-16le"), (endOffset, "hf-user-token", "ascii") },
            found);
        Assert.AreEqual(Size, report.RootElement.GetProperty("summary").GetProperty("bytesScanned").GetInt64());
        Assert.IsLessThan(100L << 20, growth, $"peak working set grew by {growth >> 20} MiB");
    }

    private static void WriteAt(FileStream file, long offset, byte[] bytes)
    {
        file.Position = offset;
        file.Write(bytes);
    }

    /// <summary>Resets the kernel's peak resident size (VmHWM) to the current one and returns it.</summary>
    private static long ResetPeakAndReadResident()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5");
        return ReadStatus("VmRSS:");
    }

    private static long ReadPeakResident() => ReadStatus("VmHWM:");

    private static long ReadStatus(string field)
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
