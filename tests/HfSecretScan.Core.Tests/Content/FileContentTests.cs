using HfSecretScan.Content;

namespace HfSecretScan.Tests.Content;

[TestClass]
public sealed class FileContentTests
{
    [TestMethod]
    public void Reads_at_any_offset_and_knows_the_length_it_opened_with()
    {
        string path = Path.GetTempFileName();
        try
        {
            byte[] bytes = [.. Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7))];
            File.WriteAllBytes(path, bytes);
            using var content = FileContent.Open(path);

            Assert.AreEqual(bytes.Length, content.Length);
            var buffer = new byte[100];
            Assert.AreEqual(100, content.Read(65_536, buffer));
            CollectionAssert.AreEqual(bytes[65_536..65_636], buffer);
            Assert.AreEqual(4, content.Read(bytes.Length - 4, buffer), "short only at the end");
            Assert.AreEqual(0, content.Read(bytes.Length, buffer));
            Assert.IsNull(content.Change());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void A_missing_file_or_a_folder_fails_as_File_OpenHandle_would()
    {
        string folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            Assert.ThrowsExactly<FileNotFoundException>(() => FileContent.Open(Path.Combine(folder, "missing.txt")));
            Assert.ThrowsExactly<UnauthorizedAccessException>(() => FileContent.Open(folder));
            Assert.Throws<IOException>(() => FileContent.Open(Path.Combine(folder, "missing", "below.txt")), "a missing folder on the way");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
