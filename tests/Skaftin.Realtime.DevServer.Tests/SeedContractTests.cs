using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.DevServer.Tests;

/// <summary>The launcher starts the server in the seed contract (<see cref="DevServerContract.Seed"/>).</summary>
public sealed class SeedContractTests
{
    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Seed_contract_takes_a_client_with_no_credential_leaves_a_silent_join_unanswered_and_sends_changed_columns_and_row_arrays()
    {
        using (var start = new CancellationTokenSource(TestTimeouts.StartWithInstall))
        {
            await using var server = await SkaftinDevServer.StartAsync(
                new SkaftinDevServerOptions { Contract = DevServerContract.Seed, SilentJoins = ["quiet"] },
                start.Token);
            using var cts = TestTimeouts.Cts();
            await using var client = await RawSocketIoClient.ConnectAsync(server.Url, apiKey: null, cts.Token);

            await client.SendAsync("42[\"join-project\",\"quiet\"]", cts.Token);
            while (!(await server.Api.GetRoomMembersAsync("quiet", cts.Token)).Contains(client.SocketId))
            {
                await Task.Delay(25, cts.Token);
            }

            await server.Api.CreateTableAsync("quiet", "vehicles", [new DevColumn("status", "text"), new DevColumn("capacity", "integer")], cts.Token);
            // The first event after the join is the change: no joined-project came before it.
            Assert.Contains("\"create_table\"", await client.ReceiveAsync(IsEvent, cts.Token), StringComparison.Ordinal);

            await server.Api.InsertAsync("quiet", "vehicles", new { status = "active", capacity = 4 }, cts.Token);
            Assert.Contains("\"insert\"", await client.ReceiveAsync(IsEvent, cts.Token), StringComparison.Ordinal);
            await server.Api.UpdateAsync("quiet", "vehicles", 1, new { status = "idle", capacity = 4 }, cts.Token);
            var update = Payload(await client.ReceiveAsync(IsEvent, cts.Token));
            Assert.Equal("update", update.GetProperty("type").GetString());
            Assert.Equal("{\"id\":1,\"status\":\"idle\"}", update.GetProperty("data").GetRawText());

            await server.Api.InsertManyAsync("quiet", "vehicles", [new { status = "a" }, new { status = "b" }], cts.Token);
            var bulk = Payload(await client.ReceiveAsync(IsEvent, cts.Token));
            Assert.Equal("insert", bulk.GetProperty("type").GetString());
            Assert.Equal(new[] { "a", "b" }, bulk.GetProperty("data").EnumerateArray().Select(static r => r.GetProperty("status").GetString()));
        }

        static bool IsEvent(string message) => message.StartsWith("42[", StringComparison.Ordinal);

        static JsonElement Payload(string message)
        {
            using var frame = JsonDocument.Parse(message.Substring(2));
            Assert.Equal("database-change", frame.RootElement[0].GetString());
            return frame.RootElement[1].Clone();
        }
    }
}
