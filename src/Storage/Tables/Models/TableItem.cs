namespace GuanGong.Storage.Tables.Models;

/// <summary>A table, as the service lists it.</summary>
public sealed class TableItem(string name)
{
    /// <summary>The table name.</summary>
    public string Name { get; } = name;
}
