using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using SharpCompress.Compressors.BZip2;

namespace HfSecretScan.Tests;

/// <summary>Builds archives and compressed streams in memory, as the real tools write them (shared by the engine, CLI, git and build tests).</summary>
public static class Archives
{
    public static byte[] Zip(params (string Name, byte[] Data)[] members) => Zip(CompressionLevel.Optimal, members);

    public static byte[] Zip(CompressionLevel level, params (string Name, byte[] Data)[] members)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in members)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(data);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Tar(params (string Name, byte[] Data)[] members)
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in members)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A gzip stream; with <paramref name="name"/>, the header records it (FNAME), as <c>gzip file</c> does.</summary>
    public static byte[] Gzip(byte[] data, string? name = null)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        // GZipStream writes nothing at all for no data; gzip writes a header, an empty block and a trailer.
        byte[] bytes = data.Length > 0 ? buffer.ToArray() : [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        if (name is null)
        {
            return bytes;
        }

        bytes[3] |= 0x08;
        return [.. bytes[..10], .. Encoding.Latin1.GetBytes(name), 0, .. bytes[10..]];
    }

    public static byte[] Bzip2(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var bzip2 = BZip2Stream.Create(buffer, SharpCompress.Compressors.CompressionMode.Compress, false, true, false))
        {
            bzip2.Write(data);
            bzip2.Finish();
        }

        return buffer.ToArray();
    }

    /// <summary>An xz stream, written by the xz program (nothing in .NET writes xz).</summary>
    public static byte[] Xz(byte[] data)
    {
        var start = new ProcessStartInfo("xz", "-z -c -T1") { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var xz = Process.Start(start)!;
        var output = new MemoryStream();
        var copy = xz.StandardOutput.BaseStream.CopyToAsync(output);
        xz.StandardInput.BaseStream.Write(data);
        xz.StandardInput.Close();
        copy.Wait();
        xz.WaitForExit();
        Assert.AreEqual(0, xz.ExitCode, "xz failed");
        return output.ToArray();
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
