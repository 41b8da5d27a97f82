using System.Security.Cryptography;
using System.Text;

namespace GuanGong.Durable;

/// <summary>Name-based (version 5, RFC 4122) UUIDs: the same name always gives the same GUID.</summary>
internal static class DeterministicGuid
{
    // The URL namespace of RFC 4122, in network byte order.
    private static readonly byte[] Namespace = Guid.Parse("6ba7b811-9dad-11d1-80b4-00c04fd430c8").ToByteArray(bigEndian: true);

    public static Guid Create(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[Namespace.Length + nameBytes.Length];
        Namespace.CopyTo(buffer, 0);
        nameBytes.CopyTo(buffer, Namespace.Length);
#pragma warning disable CA5350 // Version 5 UUIDs are defined on SHA-1; this is naming, not security.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
