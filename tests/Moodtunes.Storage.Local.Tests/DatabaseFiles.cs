using System.Text;

namespace Moodtunes.Storage.Local.Tests;

/// <summary>The bytes of a SQLite database as anyone who copies the data folder reads them: the file and its write-ahead log.</summary>
internal static class DatabaseFiles
{
    public static bool Contain(string databasePath, string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        return new[] { databasePath, databasePath + "-wal" }
            .Where(File.Exists)
            .Any(path => File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0);
    }
}
