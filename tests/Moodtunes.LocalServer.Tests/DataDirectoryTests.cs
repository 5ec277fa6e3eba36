using System.Runtime.Versioning;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>The data directory the server is given: never a shared folder made private behind its owner's back.</summary>
public sealed class DataDirectoryTests
{
    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void Starting_on_an_existing_folder_others_can_open_fails_with_a_clear_error_and_changes_nothing()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        using var data = new TemporaryDirectory();
        var shared = Directory.CreateDirectory(Path.Combine(data.Path, "shared")).FullName;
        var everyone = (UnixFileMode)Convert.ToInt32("1777", 8);
        File.SetUnixFileMode(shared, everyone);
        using var server = LocalServerFactory.On(shared);

        var refused = Assert.Throws<InvalidOperationException>(() => server.CreateClient());

        Assert.Contains("other users can open it", refused.Message, StringComparison.Ordinal);
        Assert.Equal(everyone, File.GetUnixFileMode(shared));
    }
}
