using Microsoft.Data.Sqlite;

namespace Moodtunes.Testing;

/// <summary>
/// A fresh folder (a data directory for the embedded stores), removed on dispose. Private to this user, as the
/// stores require of a data folder that already exists (they never change the mode of one they did not create).
/// </summary>
public sealed class TemporaryDirectory : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Path { get; } = Create(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "moodtunes-test-" + Guid.NewGuid().ToString("N")));

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

    private static string Create(string path) =>
        (OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, Private)).FullName;
}
