using System.Reflection;
using static Moodtunes.Architecture.Tests.Assemblies;

namespace Moodtunes.Architecture.Tests;

/// <summary>The rules docs/architecture.md states ("Rules the shape keeps"), checked on the built assemblies.</summary>
public sealed class DependencyRulesTests
{
    [Fact]
    public void The_domain_references_no_AWS_no_ASP_NET_Core_or_HTTP_and_no_model_or_imaging_package() =>
        Assert.Empty(ReferencedBy(Domain).StartingWith([.. Aws, .. AspNetCoreAndHttp, .. ModelsAndImaging]));

    [Fact]
    public void The_domain_references_none_of_our_other_assemblies() =>
        Assert.DoesNotContain(ReferencedBy(Domain), n => n.StartsWith("Moodtunes.", StringComparison.Ordinal));

    [Fact]
    public void The_application_references_no_AWS_package() => Assert.Empty(ReferencedBy(Application).StartingWith(Aws));

    [Fact]
    public void The_application_references_no_adapter() => Assert.Empty(ReferencedBy(Application).Intersect(Adapters));

    [Theory]
    [MemberData(nameof(HostNames))]
    public void No_host_references_another_host(string host) => Assert.Empty(ReferencedBy(host).Intersect(Hosts));

    [Fact]
    public void The_local_server_references_no_AWS_package() => Assert.Empty(ReferencedBy("Moodtunes.LocalServer").StartingWith(Aws));

    [Theory]
    [MemberData(nameof(AdapterNames))]
    public void No_adapter_references_the_application_or_a_host(string adapter) =>
        Assert.Empty(ReferencedBy(adapter).Intersect([Application, .. Hosts]));

    [Fact]
    public void The_rules_see_the_packages_they_keep_out_where_they_belong()
    {
        // Guards the rules above against passing because nothing is read: each kept-out kind is found where it is used.
        Assert.NotEmpty(ReferencedBy("Moodtunes.Storage.Aws").StartingWith(Aws));
        Assert.NotEmpty(ReferencedBy(Application).StartingWith(AspNetCoreAndHttp));
        Assert.NotEmpty(ReferencedBy(VisionAdapter).StartingWith(ModelsAndImaging));
        Assert.All(Hosts, host => Assert.Contains(Application, ReferencedBy(host)));
    }

    [Fact]
    public void Vision_makes_public_only_the_pipeline_its_results_its_photo_reader_and_its_options()
    {
        string[] allowed =
        [
            // The pipeline and the plain records it answers with (docs/architecture.md, "Vision keeps to vision").
            "VisionPipeline", "VisionResult", "FaceAnalysis", "FaceBox", "FacePoint", "VisionTimings",
            // How the application and the hosts plug it in.
            "VisionPhotoReader", "VisionServiceCollectionExtensions",
            // Options bound from configuration, and the typed refusal of a photo the loader will not decode.
            "VisionOptions", "FaceDetectorOptions", "FaceCropOptions", "SecondOpinionOptions", "ImageLoadOptions",
            "ImageRejection", "ImageRejectedException",
        ];

        Assert.Equal(allowed.Order(StringComparer.Ordinal), Assembly.Load(VisionAdapter).GetExportedTypes().Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> HostNames => [.. Hosts];

    public static TheoryData<string> AdapterNames => [.. Adapters];
}
