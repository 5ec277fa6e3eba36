using Microsoft.Data.Sqlite;

namespace Moodtunes.Storage.Local.Tests;

/// <summary>A fresh folder per test, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "moodtunes-storage-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        // Pooled SQLite connections keep the database files open; release them before deleting.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
