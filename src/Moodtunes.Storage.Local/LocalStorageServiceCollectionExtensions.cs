using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;
using Moodtunes.Core.SavedSongs;

namespace Moodtunes.Storage.Local;

public static class LocalStorageServiceCollectionExtensions
{
    private const int SigningKeyBytes = 32;

    /// <summary>
    /// Registers the embedded stores: <see cref="IAnalysisStore"/>, <see cref="ITrackMediaCache"/> and <see cref="ISavedSongStore"/> (SQLite, one file),
    /// <see cref="IPhotoStore"/> and <see cref="FileSystemPhotoStore"/> (files), <see cref="IUploadTargetIssuer"/> and
    /// <see cref="LocalUploadPolicy"/> (signed local upload targets), all singletons, plus <see cref="TimeProvider.System"/>
    /// unless one is registered.
    /// </summary>
    public static IServiceCollection AddLocalStorage(this IServiceCollection services, LocalStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<IAnalysisStore>(sp => new SqliteAnalysisStore(DatabasePath(options), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITrackMediaCache>(sp => new SqliteTrackMediaCache(DatabasePath(options), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISavedSongStore>(_ => new SqliteSavedSongStore(DatabasePath(options)));
        services.AddSingleton(_ => new FileSystemPhotoStore(Path.Combine(CreateDataDirectory(options), "objects")));
        services.AddSingleton<IPhotoStore>(sp => sp.GetRequiredService<FileSystemPhotoStore>());
        services.AddSingleton(sp => new LocalUploadPolicy(
            options.SigningKey is { } key ? [.. key] : LoadOrCreateSigningKey(CreateDataDirectory(options)),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IUploadTargetIssuer>(sp =>
            new LocalUploadTargetIssuer(sp.GetRequiredService<LocalUploadPolicy>(), options.UploadUrl));
        return services;
    }

    /// <summary>Analyses, the track media cache and saved songs share one file.</summary>
    private static string DatabasePath(LocalStorageOptions options) => Path.Combine(CreateDataDirectory(options), "analyses.db");

    private static string CreateDataDirectory(LocalStorageOptions options) => OwnerOnly.Folder(options.DataDirectory);

    /// <summary>
    /// One key per install, kept across restarts so targets issued before a restart still verify.
    /// CreateNew makes the first writer win when two processes start at once.
    /// </summary>
    private static byte[] LoadOrCreateSigningKey(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "upload-signing.key");
        if (!File.Exists(path))
        {
            var key = RandomNumberGenerator.GetBytes(SigningKeyBytes);
            try
            {
                using var file = new FileStream(path, OwnerOnly.NewFile());
                file.Write(key);
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        var stored = File.ReadAllBytes(path);
        return stored.Length >= SigningKeyBytes
            ? stored
            : throw new InvalidOperationException($"The upload signing key '{path}' is shorter than {SigningKeyBytes} bytes.");
    }
}
