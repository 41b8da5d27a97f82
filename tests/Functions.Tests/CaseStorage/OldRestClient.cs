using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GuanGong.LocalStack;

namespace GuanGong.Functions.Tests.CaseStorage;

/// <summary>
/// Inserts one entity the way the project's own REST client did before the move to the SDK: OData
/// JSON with explicit <c>Edm.Binary</c> for byte arrays, signed with SharedKeyLite. Only for pinning
/// the stored shape in a test.
/// </summary>
internal static class OldRestClient
{
    public static async Task InsertAsync(AzuriteEndpoints endpoints, string table, IDictionary<string, object> entity)
    {
        var body = new JsonObject();
        foreach (var (key, value) in entity)
        {
            switch (value)
            {
                case byte[] bytes:
                    body[key + "@odata.type"] = "Edm.Binary";
                    body[key] = Convert.ToBase64String(bytes);
                    break;
                case bool b:
                    body[key] = b;
                    break;
                case int i:
                    body[key] = i;
                    break;
                case long l:
                    body[key + "@odata.type"] = "Edm.Int64";
                    body[key] = l.ToString(CultureInfo.InvariantCulture);
                    break;
                case DateTimeOffset d:
                    body[key + "@odata.type"] = "Edm.DateTime";
                    body[key] = d.UtcDateTime.ToString("o", CultureInfo.InvariantCulture);
                    break;
                default:
                    body[key] = value?.ToString();
                    break;
            }
        }

        var uri = new Uri(endpoints.Table.ToString().TrimEnd('/') + "/" + table);
        var date = TimeProvider.System.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        var toSign = date + "\n/" + AzuriteEndpoints.AccountName + uri.AbsolutePath;
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(AzuriteEndpoints.AccountKey), Encoding.UTF8.GetBytes(toSign)));
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-version", "2019-02-02");
        request.Headers.Add("DataServiceVersion", "3.0");
        request.Headers.Add("Prefer", "return-no-content");
        request.Headers.Accept.ParseAdd("application/json;odata=nometadata");
        request.Headers.Authorization = new AuthenticationHeaderValue("SharedKeyLite", $"{AzuriteEndpoints.AccountName}:{signature}");
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
