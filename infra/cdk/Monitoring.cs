using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.SQS;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Moodtunes.Cdk;

/// <summary>
/// The alarms someone running the stack needs first, and one dashboard with the same metrics. Alarms have no action:
/// subscribe a topic by hand (docs/deploy.md) so the stack needs no e-mail address.
/// </summary>
internal static class Monitoring
{
    public const string DashboardName = "Moodtunes";

    private static readonly Duration Period = Duration.Minutes(5);

    public static void Add(Stack stack, LambdaFunction analyze, HttpApi api, Queue failedEvents)
    {
        var analyzeErrors = analyze.MetricErrors(new MetricOptions { Period = Period, Statistic = Stats.SUM });
        var analyzeThrottles = analyze.MetricThrottles(new MetricOptions { Period = Period, Statistic = Stats.SUM });
        var oldestFailedEvent = failedEvents.MetricApproximateAgeOfOldestMessage(new MetricOptions { Period = Period, Statistic = Stats.MAXIMUM });
        var api5xx = api.MetricServerError(new MetricOptions { Period = Period, Statistic = Stats.SUM });

        // Any failed analysis is a user who saw an error: alarm on the first one.
        Alarm(stack, "AnalyzeErrors", analyzeErrors, 1, "AnalyzeFunction failed an invocation (it is retried twice, then queued)");
        // Throttles mean the reserved concurrency (or, without one, the account's pool) is full: events wait, and past
        // 20 minutes they are dropped to the queue.
        Alarm(stack, "AnalyzeThrottles", analyzeThrottles, 1, "AnalyzeFunction was throttled (its reserved concurrency or the account's limit)");
        // A message in the failure queue is an analysis nobody will finish until someone redrives it.
        Alarm(stack, "FailedEventWaiting", oldestFailedEvent, 60, "An S3 event has waited over a minute in the failure queue: run moodtunes redrive");
        Alarm(stack, "Api5xx", api5xx, 5, "The HTTP API answered 5xx five times in five minutes");

        var dashboard = new Dashboard(stack, "Dashboard", new DashboardProps { DashboardName = $"{DashboardName}-{stack.StackName}" });
        dashboard.AddWidgets(
            Graph("Analyses", analyze.MetricInvocations(Sum()), analyzeErrors, analyzeThrottles),
            Graph("Analyze duration (ms)", analyze.MetricDuration(new MetricOptions { Period = Period, Statistic = Stats.P(95) })),
            Graph("API requests", api.MetricCount(Sum()), api.MetricClientError(Sum()), api5xx),
            Graph("Failed S3 events", failedEvents.MetricApproximateNumberOfMessagesVisible(Sum()), oldestFailedEvent));
    }

    private static MetricOptions Sum() => new() { Period = Period, Statistic = Stats.SUM };

    private static void Alarm(Stack stack, string id, IMetric metric, double threshold, string description) =>
        _ = new Alarm(stack, id, new AlarmProps
        {
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            // No data is the normal state of a quiet stack, not a fault.
            TreatMissingData = TreatMissingData.NOT_BREACHING,
            AlarmDescription = description,
        });

    private static GraphWidget Graph(string title, params IMetric[] metrics) =>
        new(new GraphWidgetProps { Title = title, Left = metrics, Width = 12 });
}
