using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
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
    public const string ArchitectureKey = "architecture";
    public const string ApiRateLimitKey = "apiRateLimit";
    public const string ApiBurstLimitKey = "apiBurstLimit";
    public const string UploadRateLimitKey = "uploadRateLimit";
    public const string UploadBurstLimitKey = "uploadBurstLimit";
    public const string AnalyzeConcurrencyKey = "analyzeConcurrency";
    public const string WafRateLimitKey = "wafRateLimit";
    public const string WebAclArnKey = "webAclArn";
    public const string SpotifyClientIdParameterKey = "spotifyClientIdParameter";
    public const string SpotifyClientSecretParameterKey = "spotifyClientSecretParameter";
    public const string LogLevelKey = "logLevel";
    public const string AdapterLayerVersionKey = "adapterLayerVersion";

    /// <summary>arm64 (Graviton) unless context says <c>x86_64</c>; it picks the publish folder and the adapter layer too.</summary>
    public LambdaArchitecture Architecture { get; init; } = LambdaArchitecture.Arm64;

    /// <summary>Steady requests per second the whole HTTP API accepts (API Gateway's token bucket), and its burst.</summary>
    public int ApiRateLimit { get; init; } = 50;

    public int ApiBurstLimit { get; init; } = 100;

    /// <summary>The tighter limit on <c>POST /api/uploads</c>: every upload can start one analysis, the costly path.</summary>
    public int UploadRateLimit { get; init; } = 5;

    public int UploadBurstLimit { get; init; } = 10;

    /// <summary>
    /// Reserved concurrency of AnalyzeFunction (the most analyses that run, and bill, at once); null reserves none.
    /// Off by default: Lambda refuses a reservation that leaves the account less than its minimum unreserved
    /// concurrency, which fails a first deploy on accounts whose limit is still low (docs/deploy.md).
    /// </summary>
    public int? AnalyzeConcurrency { get; init; }

    /// <summary>Version of the Web Adapter layer, for both architectures; another one by context if the default is missing in a region.</summary>
    public int AdapterLayerVersion { get; init; } = LambdaArchitecture.DefaultAdapterLayerVersion;

    /// <summary>Requests per 5 minutes per client IP that the optional CloudFront WAF allows; null: no WAF from this stack.</summary>
    public int? WafRateLimit { get; init; }

    /// <summary>A web ACL made elsewhere (in us-east-1) to attach to the distribution instead.</summary>
    public string? WebAclArn { get; init; }

    /// <summary>Names (not values) of SecureString parameters holding the Spotify client id and secret.</summary>
    public string? SpotifyClientIdParameter { get; init; }

    public string? SpotifyClientSecretParameter { get; init; }

    /// <summary>The functions' minimum log level (<c>Logging__LogLevel__Default</c>).</summary>
    public string LogLevel { get; init; } = "Information";

    public static MoodtunesSettings FromContext(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        string? Text(string key) => node.TryGetContext(key)?.ToString() is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        int Number(string key, int fallback) => Text(key) is { } value ? PositiveNumber(key, value) : fallback;
        int? Optional(string key) => Text(key) is { } value ? PositiveNumber(key, value) : null;

        var settings = Parse(Text(PublishRootKey), Text(SiteRootKey), Text(RemovalPolicyKey), Text(EmotionModelKey));
        var spotifyId = Text(SpotifyClientIdParameterKey);
        var spotifySecret = Text(SpotifyClientSecretParameterKey);
        if ((spotifyId is null) != (spotifySecret is null))
        {
            throw new ArgumentException(
                $"Context '{SpotifyClientIdParameterKey}' and '{SpotifyClientSecretParameterKey}' go together: set both or neither.");
        }

        var wafRateLimit = Optional(WafRateLimitKey);
        var webAclArn = Text(WebAclArnKey);
        if (wafRateLimit is not null && webAclArn is not null)
        {
            throw new ArgumentException($"Context '{WafRateLimitKey}' creates a web ACL and '{WebAclArnKey}' attaches one: pick one.");
        }

        return settings with
        {
            Architecture = ParseArchitecture(Text(ArchitectureKey)),
            ApiRateLimit = Number(ApiRateLimitKey, settings.ApiRateLimit),
            ApiBurstLimit = Number(ApiBurstLimitKey, settings.ApiBurstLimit),
            UploadRateLimit = Number(UploadRateLimitKey, settings.UploadRateLimit),
            UploadBurstLimit = Number(UploadBurstLimitKey, settings.UploadBurstLimit),
            AnalyzeConcurrency = Optional(AnalyzeConcurrencyKey),
            AdapterLayerVersion = Number(AdapterLayerVersionKey, settings.AdapterLayerVersion),
            WafRateLimit = wafRateLimit,
            WebAclArn = webAclArn,
            SpotifyClientIdParameter = spotifyId,
            SpotifyClientSecretParameter = spotifySecret,
            LogLevel = Text(LogLevelKey) ?? settings.LogLevel,
        };
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

    public static LambdaArchitecture ParseArchitecture(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "arm64" => LambdaArchitecture.Arm64,
        "x86_64" => LambdaArchitecture.X86_64,
        _ => throw new ArgumentException($"Context '{ArchitectureKey}' must be 'arm64' or 'x86_64', not '{value}'.", nameof(value)),
    };

    private static int PositiveNumber(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"Context '{key}' must be a whole number above 0, not '{value}'.");
}

/// <summary>
/// A Lambda instruction set with everything that follows from it: the .NET runtime identifier it is published for,
/// and the Web Adapter layer built for it. The default layer version is the newest the adapter's own documentation
/// lists (docs/deploy.md cites the page); both architectures move together.
/// </summary>
public sealed record LambdaArchitecture(string Name, string RuntimeIdentifier, string AdapterLayerName)
{
    public const int DefaultAdapterLayerVersion = 30;

    public static readonly LambdaArchitecture Arm64 = new("arm64", "linux-arm64", "LambdaAdapterLayerArm64");

    public static readonly LambdaArchitecture X86_64 = new("x86_64", "linux-x64", "LambdaAdapterLayerX86");

    /// <summary>For <c>Fn::Sub</c>: the adapter's account publishes the layer in every commercial region.</summary>
    public string AdapterLayerArn(int version) => $"arn:aws:lambda:${{AWS::Region}}:753240598075:layer:{AdapterLayerName}:{version}";

    public Architecture ToCdk() => this == Arm64 ? Amazon.CDK.AWS.Lambda.Architecture.ARM_64 : Amazon.CDK.AWS.Lambda.Architecture.X86_64;
}
