using Amazon.CDK;
using Constructs;

namespace Moodtunes.Cdk;

/// <summary>Deployment knobs read from CDK context (<c>cdk deploy -c key=value</c> or cdk.json).</summary>
/// <param name="PublishRoot">Folder holding one <c>dotnet publish</c> output folder per function.</param>
/// <param name="SiteRoot">Folder with the static page uploaded to the site bucket.</param>
/// <param name="RemovalPolicy">What <c>cdk destroy</c> does with the table, buckets and log groups.</param>
/// <param name="EmotionModel">Emotion model file under the analyze function's models/ folder; null runs the app's default.</param>
public sealed record MoodtunesSettings(string PublishRoot, string SiteRoot, RemovalPolicy RemovalPolicy, string? EmotionModel = null)
{
    public const string PublishRootKey = "publishRoot";
    public const string SiteRootKey = "siteRoot";
    public const string RemovalPolicyKey = "removalPolicy";
    public const string EmotionModelKey = "emotionModel";

    public static MoodtunesSettings FromContext(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Parse(
            node.TryGetContext(PublishRootKey) as string,
            node.TryGetContext(SiteRootKey) as string,
            node.TryGetContext(RemovalPolicyKey) as string,
            node.TryGetContext(EmotionModelKey) as string);
    }

    /// <summary>Applies the defaults; relative paths resolve against the working directory (the repo root, where cdk.json lives).</summary>
    public static MoodtunesSettings Parse(string? publishRoot, string? siteRoot, string? removalPolicy, string? emotionModel = null) => new(
        Path.GetFullPath(string.IsNullOrWhiteSpace(publishRoot) ? "artifacts/lambda" : publishRoot),
        Path.GetFullPath(string.IsNullOrWhiteSpace(siteRoot) ? "static-site" : siteRoot),
        removalPolicy?.Trim().ToUpperInvariant() switch
        {
            null or "" or "DESTROY" => RemovalPolicy.DESTROY,
            "RETAIN" => RemovalPolicy.RETAIN,
            _ => throw new ArgumentException(
                $"Context '{RemovalPolicyKey}' must be 'destroy' or 'retain', not '{removalPolicy}'.", nameof(removalPolicy)),
        },
        string.IsNullOrWhiteSpace(emotionModel) ? null : emotionModel.Trim());
}
