using Microsoft.Data.Sqlite;

namespace Moodtunes.Storage.Local;

/// <summary>
/// One SQLite file as the local stores use it (analyses and the track media cache share analyses.db): pooled
/// connections, write-ahead logging, secure deletes (PRAGMA secure_delete on every connection: a deleted row's
/// bytes are overwritten, not left in free space for anyone who copies the file), and each store's tables created
/// when it is constructed.
/// </summary>
internal sealed class SqliteDatabase
{
    /// <summary>A setting of the connection, not of the file: every connection opened sets it.</summary>
    private const string SecureDelete = "PRAGMA secure_delete = ON;";

    private readonly string _connectionString;

    /// <summary>Opens (creating when missing) the file and runs <paramref name="schema"/> (CREATE … IF NOT EXISTS).</summary>
    public SqliteDatabase(string databasePath, string schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);

        // SQLite would create the file with the umask's mode (world-readable); its -wal and -shm files copy this one's.
        OwnerOnly.File(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();

        // WAL is a property of the database file, so setting it once here covers every later connection.
        command.CommandText = "PRAGMA journal_mode = WAL;" + SecureDelete + schema;
        command.ExecuteNonQuery();
    }

    /// <summary>Adds a column that files made by an earlier version lack (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    public void AddColumnIfMissing(string table, string column, string type)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM pragma_table_info($table) WHERE name = $column;";
        check.Parameters.AddWithValue("$table", table);
        check.Parameters.AddWithValue("$column", column);
        if ((long)check.ExecuteScalar()! > 0)
        {
            return;
        }

        using var alter = connection.CreateCommand();
        alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {type};";
        alter.ExecuteNonQuery();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = SecureDelete;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// After a delete the user asked for: the write-ahead log still holds the pages as they were before it. Copying
    /// the log into the file (where secure_delete has zeroed the rows) and truncating it leaves nothing to read back.
    /// A reader in the middle of a snapshot can hold part of the log back; the next delete or checkpoint finishes it.
    /// </summary>
    public static async Task ForgetDeletedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
