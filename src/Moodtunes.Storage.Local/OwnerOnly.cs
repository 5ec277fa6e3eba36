namespace Moodtunes.Storage.Local;

/// <summary>
/// The data folder holds analyses and the upload signing key: on Unix, its folder and files are the server's
/// user's alone (0700 / 0600), whatever the umask; on Windows, the folder's inherited ACL applies.
/// </summary>
internal static class OwnerOnly
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute;

    /// <summary>Creates the folder, or tightens one an earlier version created; returns its full path.</summary>
    public static string Folder(string path)
    {
        var folder = Directory.CreateDirectory(path).FullName;
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(folder, FolderMode);
        }

        return folder;
    }

    /// <summary>Options that create a new file nobody else can read.</summary>
    public static FileStreamOptions NewFile()
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>Creates an empty file nobody else can read, or tightens one an earlier version created.</summary>
    public static void File(string path)
    {
        try
        {
            using (new FileStream(path, NewFile()))
            {
            }
        }
        catch (IOException) when (System.IO.File.Exists(path))
        {
            if (!OperatingSystem.IsWindows())
            {
                System.IO.File.SetUnixFileMode(path, FileMode);
            }
        }
    }
}
