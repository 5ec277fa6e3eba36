namespace Moodtunes.Storage.Local;

/// <summary>
/// The data folder holds analyses and the upload signing key: on Unix, its folder and files are the server's
/// user's alone (0700 / 0600), whatever the umask; on Windows, the folder's inherited ACL applies.
/// </summary>
internal static class OwnerOnly
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute;

    private const UnixFileMode OpenToOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Creates the folder private when it is absent; one that exists is used only if it is private already. Its mode
    /// is never changed: a folder we did not create (say /tmp, given as the data directory) is not ours to lock.
    /// Returns its full path.
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder exists and other users can open it.</exception>
    public static string Folder(string path)
    {
        var folder = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(folder).FullName;
        }

        if (!Directory.Exists(folder))
        {
            return Directory.CreateDirectory(folder, FolderMode).FullName;
        }

        var mode = System.IO.File.GetUnixFileMode(folder);
        return (mode & OpenToOthers) == 0
            ? folder
            : throw new InvalidOperationException(
                $"The data directory '{folder}' already exists and other users can open it (mode {Convert.ToString((int)mode, 8)}). " +
                "Moodtunes keeps analyses and its signing key there and does not change the permissions of a folder it did not create: " +
                "give --Moodtunes:DataDirectory a path that does not exist yet (it is created for this user only), or make this folder private yourself (chmod 700).");
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
