using System.Globalization;
using System.Text;

namespace Moodtunes.Benchmarks;

/// <summary>
/// AWS cost per 1,000 analyses from the measured analysis time. Prices are us-east-1 list prices from the
/// sources named in the table (check https://aws.amazon.com/pricing before relying on them); request counts
/// per analysis follow the page's flow. Free tiers are ignored.
/// </summary>
internal static class CostEstimate
{
    private const double LambdaPerGbSecond = 0.0000133334; // arm64 (the stack's default), first tier; cloudchipr.com/blog/aws-lambda-pricing
    private const double LambdaPerRequest = 0.20 / 1_000_000; // same source
    private const double DynamoPerWrite = 0.625 / 1_000_000; // on-demand WRU; airbyte.com/data-engineering-resources/dynamodb-pricing
    private const double DynamoPerRead = 0.125 / 1_000_000; // on-demand RRU; same source
    private const double S3PerPost = 0.005 / 1000; // PUT/COPY/POST/LIST; cloudkaramchari.com (S3 pricing explainer)
    private const double S3PerGet = 0.0004 / 1000; // GET; not confirmed by a source here: check the S3 pricing page

    private const double AnalyzeMemoryGb = 1.5;
    private const double OtherMemoryGb = 0.5;
    private const double OtherFunctionSeconds = 0.010; // upload and recommend calls: assumed, not measured on Lambda
    private const double AnalyzeStorageMilliseconds = 30; // S3 GET + DynamoDB writes per analysis: assumed, not measured on AWS
    private const int InvocationsPerAnalysis = 6; // 1 upload, 1 analyze, ~3 polls, 1 history or tracks
    private const int WritesPerAnalysis = 4; // create (1 KB), finish (~3 KB)
    private const int ReadsPerAnalysis = 5; // strongly consistent polls and the analyze function's read

    public static string Render(double analysisMilliseconds)
    {
        const int n = 1000;
        var analyzeGbSeconds = n * AnalyzeMemoryGb * (analysisMilliseconds + AnalyzeStorageMilliseconds) / 1000;
        var otherGbSeconds = n * (InvocationsPerAnalysis - 1) * OtherMemoryGb * OtherFunctionSeconds;
        var rows = new (string Item, string Basis, double Dollars)[]
        {
            ("Lambda compute, analyze", $"{analyzeGbSeconds:F1} GB-s (1.5 GB × ({analysisMilliseconds:F1} ms measured + 30 ms storage assumed))", analyzeGbSeconds * LambdaPerGbSecond),
            ("Lambda compute, upload + recommend", $"{otherGbSeconds:F1} GB-s (0.5 GB × 10 ms assumed × 5)", otherGbSeconds * LambdaPerGbSecond),
            ("Lambda requests", $"{n * InvocationsPerAnalysis:N0}", n * InvocationsPerAnalysis * LambdaPerRequest),
            ("DynamoDB", $"{n * WritesPerAnalysis:N0} WRU + {n * ReadsPerAnalysis:N0} RRU", (n * WritesPerAnalysis * DynamoPerWrite) + (n * ReadsPerAnalysis * DynamoPerRead)),
            ("S3", $"{n:N0} POST + {n:N0} GET (DELETE is free)", (n * S3PerPost) + (n * S3PerGet)),
        };

        var culture = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine("| per 1,000 analyses | basis | cost |");
        table.AppendLine("|---|---|---:|");
        foreach (var (item, basis, dollars) in rows)
        {
            table.AppendLine(culture, $"| {item} | {basis} | ${dollars:F4} |");
        }

        var total = rows.Sum(r => r.Dollars);
        table.AppendLine(culture, $"| **total** (API Gateway, CloudFront and logs not included) | | **${total:F4}** |");
        table.AppendLine(culture, $"\nA managed emotion API at about $1 per 1,000 images costs ×{1 / total:F0} as much.");
        return table.ToString();
    }
}
