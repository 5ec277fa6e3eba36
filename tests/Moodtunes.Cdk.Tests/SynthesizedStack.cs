using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Moodtunes.Testing;

namespace Moodtunes.Cdk.Tests;

/// <summary>
/// Synthesizes the app once for the whole test run (each synth starts the jsii node process and takes seconds),
/// from placeholder publish and site folders: synth only packages them, it never runs them.
/// </summary>
public sealed class SynthesizedStack : IDisposable
{
    public static readonly string[] FunctionNames = ["UploadFunction", "AnalyzeFunction", "RecommendFunction"];

    private readonly string root = Path.Combine(Path.GetTempPath(), $"moodtunes-cdk-{Guid.NewGuid():N}");
    private readonly JsonDocument document;

    public SynthesizedStack()
        : this(extraContext: [])
    {
    }

    /// <summary>A variant synthesized with more context, e.g. <c>emotionModel</c>; files named in <paramref name="packagedFiles"/> are added to the placeholder packages (of the architecture the context picks).</summary>
    internal SynthesizedStack(Dictionary<string, object> extraContext, params string[] packagedFiles)
    {
        var publishRoot = Path.Combine(root, "publish");
        var packages = CreatePlaceholderPackages(
            publishRoot, MoodtunesSettings.ParseArchitecture(extraContext.GetValueOrDefault(MoodtunesSettings.ArchitectureKey)?.ToString()));

        foreach (var file in packagedFiles)
        {
            var path = Path.Combine(packages, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "placeholder");
        }

        var siteRoot = Path.Combine(root, "site");
        Directory.CreateDirectory(siteRoot);
        // The real page, whose CSP the deployment rewrites; the rest of the site only gets packaged.
        File.Copy(Path.Combine(RepositoryPaths.Root, "static-site", PageSecurityPolicy.PageFile), Path.Combine(siteRoot, PageSecurityPolicy.PageFile));

        var app = new App(new AppProps
        {
            Outdir = Path.Combine(root, "cdk.out"),
            Context = new Dictionary<string, object>(extraContext)
            {
                [MoodtunesSettings.PublishRootKey] = publishRoot,
                [MoodtunesSettings.SiteRootKey] = siteRoot,
            },
        });
        MoodtunesStack stack;
        try
        {
            stack = new MoodtunesStack(app, MoodtunesStack.DefaultStackName, MoodtunesSettings.FromContext(app.Node));
        }
        catch (ArgumentException)
        {
            Directory.Delete(root, recursive: true);
            throw;
        }

        var assembly = app.Synth();
        AssemblyDirectory = assembly.Directory;
        var json = File.ReadAllText(Path.Combine(assembly.Directory, stack.TemplateFile));

        Template = Template.FromString(json);
        document = JsonDocument.Parse(json);
    }

    /// <summary>The cloud assembly (cdk.out): the template and the staged assets, one <c>asset.&lt;hash&gt;</c> folder each.</summary>
    public string AssemblyDirectory { get; }

    /// <summary>One folder per function, as scripts/publish-lambdas.sh lays them out, holding only a stand-in executable.</summary>
    /// <returns>The folder of the architecture's packages.</returns>
    public static string CreatePlaceholderPackages(string publishRoot, LambdaArchitecture architecture)
    {
        var packages = Path.Combine(publishRoot, architecture.RuntimeIdentifier);
        foreach (var name in FunctionNames)
        {
            Directory.CreateDirectory(Path.Combine(packages, name));
            File.WriteAllText(Path.Combine(packages, name, name), "placeholder executable");
        }

        return packages;
    }

    /// <summary>The CDK's own matchers over the template.</summary>
    public Template Template { get; }

    /// <summary>The same template as JSON, for exact comparisons and lookups by reference.</summary>
    public JsonElement Root => document.RootElement;

    public IEnumerable<(string LogicalId, JsonElement Resource)> ResourcesOfType(string type) =>
        Root.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == type)
            .Select(r => (r.Name, r.Value));

    public string PhotoBucket => Single("AWS::S3::Bucket", "PhotoBucket").LogicalId;

    public string SiteBucket => Single("AWS::S3::Bucket", "SiteBucket").LogicalId;

    public string Distribution => Single("AWS::CloudFront::Distribution", "Site").LogicalId;

    public string Table => Single("AWS::DynamoDB::Table", "Analyses").LogicalId;

    public string Api => Single("AWS::ApiGatewayV2::Api", "Api").LogicalId;

    public string FailedEvents => Single("AWS::SQS::Queue", "FailedAnalyzeEvents").LogicalId;

    public string OriginSecret => Single("AWS::SecretsManager::Secret", "OriginSecret").LogicalId;

    /// <summary>The one resource of <paramref name="type"/> whose logical id starts with the construct id.</summary>
    public (string LogicalId, JsonElement Resource) Single(string type, string constructId) =>
        Assert.Single(ResourcesOfType(type), r => r.LogicalId.StartsWith(constructId, StringComparison.Ordinal));

    public (string LogicalId, JsonElement Properties) Function(string handler)
    {
        var (id, resource) = Assert.Single(
            ResourcesOfType("AWS::Lambda::Function"),
            r => r.Resource.GetProperty("Properties").TryGetProperty("Handler", out var h) && h.GetString() == handler);
        return (id, resource.GetProperty("Properties"));
    }

    /// <summary>The logical id of the <c>live</c> alias of the function with this handler.</summary>
    public string Alias(string handler)
    {
        var function = Function(handler).LogicalId;
        return Assert.Single(
            ResourcesOfType("AWS::Lambda::Alias"),
            a => a.Resource.GetProperty("Properties").GetProperty("FunctionName").GetProperty("Ref").GetString() == function).LogicalId;
    }

    public void Dispose()
    {
        document.Dispose();
        Directory.Delete(root, recursive: true);
    }
}

/// <summary>Every test that talks to the jsii runtime shares the synthesized stack and runs one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SynthesizedStackCollection : ICollectionFixture<SynthesizedStack>
{
    public const string Name = "Synthesized stack";
}
