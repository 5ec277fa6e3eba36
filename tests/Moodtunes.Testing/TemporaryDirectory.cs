using Microsoft.Data.Sqlite;

namespace Moodtunes.Testing;

/// <summary>A fresh folder (a data directory for the embedded stores), removed on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "moodtunes-test-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        // Pooled SQLite connections keep analyses.db open; release the idle ones before deleting the folder.
        SqliteConnection.ClearAllPools();

        // Idempotent: WebApplicationFactory's async and sync disposal paths both reach an owner's Dispose.
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
