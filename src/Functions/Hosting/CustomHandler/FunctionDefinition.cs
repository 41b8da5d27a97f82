using System.Text.Json.Nodes;

namespace GuanGong.Functions.Hosting.CustomHandler;

/// <summary>One function as the Functions host sees it: a folder named <see cref="Name"/> with a function.json.</summary>
internal sealed record FunctionDefinition(string Name, JsonObject FunctionJson);
