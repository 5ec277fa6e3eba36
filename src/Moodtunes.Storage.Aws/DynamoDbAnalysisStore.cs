using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using static Moodtunes.Storage.Aws.DynamoDbItems;
using static Moodtunes.Storage.Aws.DynamoDbTableDefinition;

namespace Moodtunes.Storage.Aws;

/// <summary>
/// Analyses in one DynamoDB table, partition key the device id, sort key the analysis id (time-ordered), so every call is
/// scoped to one device's partition (<see cref="AnalysisKey"/>; the table's other item kinds are listed on
/// <see cref="DynamoDbTableDefinition"/>). TTL deletes expired items days late, so reads filter them too.
/// </summary>
public sealed class DynamoDbAnalysisStore(IAmazonDynamoDB client, string tableName, TimeProvider timeProvider) : IAnalysisStore
{
    /// <summary>N; absent until the first track save (and on items written before it existed), which reads as the initial version.</summary>
    private const string TracksVersionAttribute = "TracksVersion";

    public async Task CreateAsync(Analysis analysis, CancellationToken cancellationToken)
    {
        if (analysis.Status != AnalysisStatus.Pending)
        {
            throw new ArgumentException("A new analysis must be pending.", nameof(analysis));
        }

        try
        {
            await client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = ToItem(analysis),
                    ConditionExpression = "attribute_not_exists(#id)",
                    ExpressionAttributeNames = new() { ["#id"] = SortKeyName },
                },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw new InvalidOperationException($"Analysis '{analysis.Id}' already exists for this device.", e);
        }
    }

    public async Task<Analysis?> GetAsync(DeviceId deviceId, AnalysisId analysisId, CancellationToken cancellationToken)
    {
        // Consistent, so a poll right after the analyzer finished sees the result.
        var response = await client.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = AnalysisKey(deviceId, analysisId), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item && FromItem(item) is var analysis && !analysis.IsExpired(Now())
            ? analysis
            : null;
    }

    public async Task<bool> TryFinishAsync(Analysis finished, CancellationToken cancellationToken)
    {
        if (finished.Status == AnalysisStatus.Pending)
        {
            throw new ArgumentException("A finished analysis must be done or failed.", nameof(finished));
        }

        var record = AnalysisRecord.From(finished);
        var values = new Dictionary<string, AttributeValue>
        {
            [":status"] = new() { S = record.Status },
            [":pending"] = new() { S = AnalysisRecord.StatusName(AnalysisStatus.Pending) },
            [":now"] = Epoch(Now()),
        };
        var set = new List<string> { "#status = :status" };
        var remove = new List<string>();
        var names = new Dictionary<string, string>
        {
            ["#id"] = SortKeyName,
            ["#status"] = "Status",
            ["#expires"] = TimeToLiveAttribute,
        };
        foreach (var (attribute, value) in FinishedAttributes(record))
        {
            var name = $"#{attribute}";
            names[name] = attribute;
            if (value is null)
            {
                remove.Add(name);
            }
            else
            {
                values[$":{attribute}"] = value;
                set.Add($"{name} = :{attribute}");
            }
        }

        try
        {
            // The condition makes the write happen at most once: replays and racing finishers get false.
            await client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = AnalysisKey(finished.DeviceId, finished.Id),
                    UpdateExpression = $"SET {string.Join(", ", set)}" + (remove.Count > 0 ? $" REMOVE {string.Join(", ", remove)}" : ""),
                    ConditionExpression = "attribute_exists(#id) AND #status = :pending AND #expires > :now",
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<bool> SaveTracksAsync(
        DeviceId deviceId, AnalysisId analysisId, TrackSelection tracks, TrackListVersion basedOn, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":tracks"] = new() { S = StoredDocuments.Write(tracks) },
            [":next"] = Number(basedOn.Next().Value),
            [":pending"] = new() { S = AnalysisRecord.StatusName(AnalysisStatus.Pending) },
            [":now"] = Epoch(Now()),
        };

        // The initial version is stored as no attribute; DynamoDB refuses a value the expressions do not use.
        var sameVersion = "attribute_not_exists(#version)";
        if (basedOn != TrackListVersion.Initial)
        {
            sameVersion = "#version = :basedOn";
            values[":basedOn"] = Number(basedOn.Value);
        }

        try
        {
            // Of racing saves based on the same version the condition lets exactly one through.
            await client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = AnalysisKey(deviceId, analysisId),
                    UpdateExpression = "SET #tracks = :tracks, #version = :next",
                    ConditionExpression = $"attribute_exists(#id) AND #status <> :pending AND #expires > :now AND {sameVersion}",
                    ExpressionAttributeNames = new()
                    {
                        ["#id"] = SortKeyName,
                        ["#status"] = "Status",
                        ["#expires"] = TimeToLiveAttribute,
                        ["#tracks"] = "Tracks",
                        ["#version"] = TracksVersionAttribute,
                    },
                    ExpressionAttributeValues = values,
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<HistoryPage> ListAsync(DeviceId deviceId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        // Consistent so a just-finished or just-deleted analysis shows as such. Limit counts items read
        // before the filter, so a page holding expired items comes back short.
        var response = await client.QueryAsync(
            new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "#device = :device",
                FilterExpression = "#expires > :now",
                ExpressionAttributeNames = new() { ["#device"] = PartitionKeyName, ["#expires"] = TimeToLiveAttribute },
                ExpressionAttributeValues = new() { [":device"] = new() { S = AnalysisPartition(deviceId) }, [":now"] = Epoch(Now()) },
                ScanIndexForward = false,
                ConsistentRead = true,
                Limit = limit,
                ExclusiveStartKey = cursor is null ? null : AnalysisKey(deviceId, StorageEncoding.DecodeCursor(cursor)),
            },
            cancellationToken);

        var items = (response.Items ?? []).Select(FromItem).ToList();
        var next = response.LastEvaluatedKey is { Count: > 0 } last ? StorageEncoding.EncodeCursor(new AnalysisId(last[SortKeyName].S)) : null;
        return new HistoryPage(items, next);
    }

    public async Task<IReadOnlyList<MoodReading>> ListMoodsSinceAsync(DeviceId deviceId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // A Query from the window's first id (ids start with their creation time) rather than the whole partition,
        // and only the attributes the timeline reads (the answer is kept with the tracks).
        var readings = new List<MoodReading>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await client.QueryAsync(
                new QueryRequest
                {
                    TableName = tableName,
                    KeyConditionExpression = "#device = :device AND #id >= :since",
                    FilterExpression = "#expires > :now AND #status = :done",
                    ProjectionExpression = "#created, #result, #tracks",
                    ExpressionAttributeNames = new()
                    {
                        ["#device"] = PartitionKeyName,
                        ["#id"] = SortKeyName,
                        ["#expires"] = TimeToLiveAttribute,
                        ["#status"] = "Status",
                        ["#created"] = "CreatedAt",
                        ["#result"] = "Result",
                        ["#tracks"] = "Tracks",
                    },
                    ExpressionAttributeValues = new()
                    {
                        [":device"] = new() { S = AnalysisPartition(deviceId) },
                        [":since"] = new() { S = AnalysisIds.LowerBound(since) },
                        [":now"] = Epoch(Now()),
                        [":done"] = new() { S = AnalysisRecord.StatusName(AnalysisStatus.Done) },
                    },
                    ConsistentRead = true,
                    ExclusiveStartKey = start,
                },
                cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                if (StoredDocuments.ReadFeeling(item["Result"].S, item.TryGetValue("Tracks", out var tracks) ? tracks.S : null) is { } felt)
                {
                    readings.Add(new MoodReading(StorageEncoding.ParseInstant(item["CreatedAt"].S), felt));
                }
            }

            start = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return readings;
    }

    public async Task<bool> DeleteAsync(DeviceId deviceId, AnalysisId analysisId, CancellationToken cancellationToken)
    {
        var response = await client.DeleteItemAsync(
            new DeleteItemRequest
            {
                TableName = tableName,
                Key = AnalysisKey(deviceId, analysisId),
                ReturnValues = ReturnValue.ALL_OLD,
            },
            cancellationToken);

        // An expired item is removed too, but reported as absent like every other read of it.
        return response.Attributes is { Count: > 0 } old && ReadExpiry(old) > Now();
    }

    public async Task<int> DeleteAllAsync(DeviceId deviceId, CancellationToken cancellationToken)
    {
        var now = Now();
        var visible = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.QueryAsync(
                new QueryRequest
                {
                    TableName = tableName,
                    KeyConditionExpression = "#device = :device",
                    ProjectionExpression = "#device, #id, #expires",
                    ExpressionAttributeNames = new() { ["#device"] = PartitionKeyName, ["#id"] = SortKeyName, ["#expires"] = TimeToLiveAttribute },
                    ExpressionAttributeValues = new() { [":device"] = new() { S = AnalysisPartition(deviceId) } },
                    ExclusiveStartKey = start,

                    // An analysis created a moment ago must not survive "delete my history".
                    ConsistentRead = true,
                },
                cancellationToken);
            var items = page.Items ?? [];
            visible += items.Count(item => ReadExpiry(item) > now);
            await DeleteKeysAsync(client, tableName, items.Select(KeyOf), timeProvider, cancellationToken);

            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return visible;
    }

    private DateTimeOffset Now() => timeProvider.GetUtcNow();

    private static Dictionary<string, AttributeValue> ToItem(Analysis analysis)
    {
        var record = AnalysisRecord.From(analysis);
        var item = AnalysisKey(analysis.DeviceId, analysis.Id);
        item["Status"] = new() { S = record.Status };
        item["CreatedAt"] = new() { S = record.CreatedAt };
        item[TimeToLiveAttribute] = EpochSeconds(record.ExpiresAt);
        item["PhotoKey"] = new() { S = record.PhotoKey };
        foreach (var (attribute, value) in FinishedAttributes(record))
        {
            if (value is not null)
            {
                item[attribute] = value;
            }
        }

        if (record.TracksVersion is { } version)
        {
            item[TracksVersionAttribute] = Number(version);
        }

        return item;
    }

    /// <summary>The attributes a finish writes; null means absent (DynamoDB has no use for stored nulls).</summary>
    private static IEnumerable<(string Attribute, AttributeValue? Value)> FinishedAttributes(AnalysisRecord record)
    {
        yield return ("FinishedAt", Text(record.FinishedAt));
        yield return ("Result", Text(record.Result));
        yield return ("Failure", Text(record.Failure));
        yield return ("Tracks", Text(record.Tracks));
    }

    private static AttributeValue? Text(string? value) => value is null ? null : new AttributeValue { S = value };

    private static Analysis FromItem(Dictionary<string, AttributeValue> item)
    {
        string? Optional(string attribute) => item.TryGetValue(attribute, out var value) ? value.S : null;
        return new AnalysisRecord(
            item[PartitionKeyName].S,
            item[SortKeyName].S,
            item["Status"].S,
            item["CreatedAt"].S,
            Optional("FinishedAt"),
            ReadExpiry(item).ToUnixTimeSeconds(),
            item["PhotoKey"].S,
            Optional("Result"),
            Optional("Failure"),
            Optional("Tracks"),
            item.TryGetValue(TracksVersionAttribute, out var version) ? ReadNumber(version) : null).ToAnalysis();
    }
}
