using System.Globalization;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Records;
using Azure.Data.Tables;

namespace GuanGong.Functions.Statistics;

/// <summary>
/// The township ratings of one campaign year: one key-range query over the campaign's partition
/// (row keys are <c>{year}-{township}</c>, as <c>UpdateTownshipRatingActivity</c> writes them), so
/// a dashboard read does not also fetch the ratings of the campaign's other years.
/// </summary>
public static class YearRatings
{
    public static async Task<IReadOnlyList<TownshipRatingRecord>> ListAsync(AppTables tables, string campaignId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var prefix = year.ToString(CultureInfo.InvariantCulture);

        // '.' is the character after '-': the range holds exactly the row keys starting "{year}-".
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {prefix + "-"} and RowKey lt {prefix + "."}");
        var ratings = new List<TownshipRatingRecord>();
        await foreach (var rating in tables.Ratings.QueryAsync(filter, cancellationToken))
        {
            ratings.Add(rating.Value);
        }

        return ratings;
    }
}
