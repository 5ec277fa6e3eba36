using Xunit.Abstractions;

namespace Moodtunes.LambdaPackaging.Tests;

/// <summary>The publish script's own checks passed for the packages the other tests run (or the fixture fails).</summary>
[Collection(LambdaFunctionsCollection.Name)]
public sealed class PublishedPackagesTests(LambdaFunctionsFixture functions, ITestOutputHelper output)
{
    [Fact]
    public void The_publish_script_reports_each_package_size_unzipped_and_zipped()
    {
        output.WriteLine(functions.PublishReport);

        foreach (var name in new[] { LambdaFunctionsFixture.Analyze, LambdaFunctionsFixture.Upload })
        {
            // The zipped size needs the zip tool; without it the script says so instead of a size.
            Assert.Matches($@"(?m)^{name}\s+\d+ files\s+unzipped\s+[\d.]+ MiB\s+zipped\s+([\d.]+ MiB|\(install zip to measure\))$", functions.PublishReport);
        }
    }
}
