using FluentAssertions;
using Npgsql;

namespace WorkPolicy.Tests;

/// <summary>
/// A database of its own on the PostgreSQL server <c>.ci/run</c> starts (WORKPOLICY_TEST_POSTGRES), dropped when
/// disposed. Null where no server is configured — and then a test fails if WORKPOLICY_POSTGRES_TESTS=required.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase?> Create()
    {
        if (Environment.GetEnvironmentVariable("WORKPOLICY_TEST_POSTGRES") is not { Length: > 0 } server)
        {
            Environment.GetEnvironmentVariable("WORKPOLICY_POSTGRES_TESTS").Should().NotBe("required", "a PostgreSQL server is required here");
            return null;
        }
        var name = "wp_" + Guid.NewGuid().ToString("N")[..12];
        await Admin(server, $"CREATE DATABASE {name}");
        return new PostgresDatabase(server, name);
    }

    private static async Task Admin(string server, string sql)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Admin(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }
}
