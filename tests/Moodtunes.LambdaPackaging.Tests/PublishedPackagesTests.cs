using System.Reflection.PortableExecutable;
using Xunit.Abstractions;

namespace Moodtunes.LambdaPackaging.Tests;

/// <summary>The publish script's own checks passed for the packages the other tests run (or the fixture fails).</summary>
[Collection(LambdaFunctionsCollection.Name)]
public sealed class PublishedPackagesTests(LambdaFunctionsFixture functions, ITestOutputHelper output)
{
    [Fact]
    public void The_publish_script_reports_each_package_size_unzipped_and_zipped_for_both_architectures()
    {
        output.WriteLine(functions.PublishReport);

        foreach (var rid in LambdaFunctionsFixture.RuntimeIdentifiers)
        {
            foreach (var name in new[] { LambdaFunctionsFixture.Analyze, LambdaFunctionsFixture.Upload })
            {
                // The zipped size needs the zip tool; without it the script says so instead of a size.
                Assert.Matches(
                    $@"(?m)^{rid}\s+{name}\s+\d+ files\s+unzipped\s+[\d.]+ MiB \(\d+ B\)\s+zipped\s+([\d.]+ MiB|\(install zip to measure\))$",
                    functions.PublishReport);
            }
        }
    }

    [Theory]
    [InlineData("linux-arm64", 183)] // EM_AARCH64
    [InlineData("linux-x64", 62)] // EM_X86_64
    public void The_analyzer_carries_onnx_runtime_and_skia_built_for_its_architecture(string rid, int elfMachine)
    {
        foreach (var library in new[] { "libonnxruntime.so", "libSkiaSharp.so" })
        {
            var header = new byte[20];
            using (var file = File.OpenRead(Path.Combine(functions.Package(rid, LambdaFunctionsFixture.Analyze), library)))
            {
                file.ReadExactly(header);
            }

            Assert.Equal("\u007fELF", System.Text.Encoding.ASCII.GetString(header, 0, 4));
            Assert.Equal(elfMachine, BitConverter.ToUInt16(header, 18));
        }
    }

    [Theory]
    [InlineData(LambdaFunctionsFixture.Analyze)]
    [InlineData(LambdaFunctionsFixture.Upload)]
    public void The_arm64_package_holds_the_same_architecture_neutral_libraries_as_the_x64_one_the_other_tests_run(string name)
    {
        // Only the entry assembly is compiled for its rid (it cannot load on x86-64, so arm64 cannot be run here); every
        // other assembly is plain IL for any CPU, the same set in both packages, so the x64 runs exercise that code.
        var arm64 = functions.Package("linux-arm64", name);
        var x64 = functions.Package(LambdaFunctionsFixture.NativeRuntimeIdentifier, name);
        string[] Libraries(string folder) => [.. Directory.EnumerateFiles(folder, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

        Assert.Equal(Libraries(x64), Libraries(arm64));
        foreach (var library in Libraries(arm64))
        {
            using var pe = new PEReader(File.OpenRead(Path.Combine(arm64, library)));
            var expected = library == $"{name}.dll" ? Machine.Arm64 : Machine.I386;
            Assert.True(pe.PEHeaders.CorHeader is { } cor && cor.Flags.HasFlag(CorFlags.ILOnly), $"{library} is not IL only");
            Assert.True(pe.PEHeaders.CoffHeader.Machine == expected, $"{library} is built for {pe.PEHeaders.CoffHeader.Machine}, not {expected}");
        }
    }
}
