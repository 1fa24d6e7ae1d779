using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The client reads its options once: its constructor validates a copy, and nothing the caller changes on the options
/// object (or on the credential settings and default retry policy it holds) afterwards reaches the client.
/// </summary>
public sealed class OptionsSnapshotTests
{
    private readonly FakeSocketServer _server = new();

    [Fact]
    public async Task ChangingTheOptionsAfterTheClientExistsHasNoEffect()
    {
        SkaftinRealtimeOptions? given = null;
        await using var client = _server.CreateClient(o =>
        {
            given = o;
            o.Credential.Name = "token";
            o.RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20) };
        });

        // Every change below would show: another token and field name in the handshake, no reconnect at all.
        given!.AccessTokenProvider = _ => ValueTask.FromResult("changed-token");
        given.Credential.Name = "changed";
        ((SkaftinRetryPolicy)given.RetryPolicy).Enabled = false;
        given.RetryPolicy = new SkaftinRetryPolicy { Enabled = false };
        given.ConnectTimeout = TimeSpan.Zero;

        await client.StartAsync();
        Assert.Equal(("token-123", "token"), (_server.Current.Token, _server.Current.Credential!.Name));

        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => _server.Connections.Count == 2 && client.State == ConnectionState.Connected, "the client reconnects with the policy it was given");
        Assert.Equal("token-123", _server.Current.Token);
    }

    [Fact]
    public void AnInvalidSettingIsReportedByTheConstructorAndAValidCopyIsNotAffectedByLaterEdits()
    {
        var options = new SkaftinRealtimeOptions { DispatchQueueCapacity = 0 };
        Assert.Contains("DispatchQueueCapacity", Assert.Throws<ArgumentException>(() => new SkaftinRealtimeClient(options)).Message, StringComparison.Ordinal);

        options.DispatchQueueCapacity = 5;
        var snapshot = options.Snapshot();
        options.DispatchQueueCapacity = 0;
        Assert.Equal(5, snapshot.DispatchQueueCapacity);
    }

    [Fact]
    public void TheSnapshotCopiesEverySetting()
    {
        var time = new FakeTimeProvider();
        var meters = new TestMeterFactory();
        var context = new SynchronizationContext();
        Func<CancellationToken, ValueTask<string>> tokens = _ => ValueTask.FromResult("t");
        Action<ClientWebSocketOptions> configure = _ => { };
        var custom = new NeverRetry();
        var options = new SkaftinRealtimeOptions
        {
            ApiUrl = new Uri("https://example.test:5000"),
            AccessTokenProvider = tokens,
            ApiKey = "key",
            Credential = { Location = SkaftinCredentialLocation.Header, Name = "Authorization", Prefix = "Bearer " },
            JoinConfirmation = JoinConfirmation.OnEmit,
            HandlerContext = context,
            ConfigureWebSocket = configure,
            Transport = SkaftinTransport.Polling,
            ConnectTimeout = TimeSpan.FromSeconds(1),
            RequestTimeout = TimeSpan.FromSeconds(2),
            SendTimeout = TimeSpan.FromSeconds(3),
            HeartbeatTimeout = TimeSpan.FromSeconds(4),
            RetryPolicy = custom,
            RetryInitialConnection = false,
            DispatchQueueCapacity = 7,
            DispatchQueueFullWait = TimeSpan.FromSeconds(5),
            DispatchOnReceiveThread = true,
            MaxFrameBytes = SkaftinRealtimeOptions.MinimumMaxFrameBytes + 1,
            LoggerFactory = NullLoggerFactory.Instance,
            TimeProvider = time,
            MeterFactory = meters,
            Projects = { "p1", "p2" },
        };

        var copy = options.Snapshot();

        object?[] expected =
        [
            options.ApiUrl, tokens, "key", JoinConfirmation.OnEmit, context, configure, SkaftinTransport.Polling,
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4), custom, false, 7,
            TimeSpan.FromSeconds(5), true, SkaftinRealtimeOptions.MinimumMaxFrameBytes + 1, NullLoggerFactory.Instance, time, meters,
        ];
        object?[] copied =
        [
            copy.ApiUrl, copy.AccessTokenProvider, copy.ApiKey, copy.JoinConfirmation, copy.HandlerContext, copy.ConfigureWebSocket, copy.Transport,
            copy.ConnectTimeout, copy.RequestTimeout, copy.SendTimeout, copy.HeartbeatTimeout, copy.RetryPolicy, copy.RetryInitialConnection, copy.DispatchQueueCapacity,
            copy.DispatchQueueFullWait, copy.DispatchOnReceiveThread, copy.MaxFrameBytes, copy.LoggerFactory, copy.TimeProvider, copy.MeterFactory,
        ];
        Assert.Equal(expected, copied);
        Assert.Equal(["p1", "p2"], copy.Projects);
        Assert.NotSame(options.Credential, copy.Credential);
        Assert.Equal((SkaftinCredentialLocation.Header, "Authorization", "Bearer "), (copy.Credential.Location, copy.Credential.Name, copy.Credential.Prefix));

        // A setting added to the options must be added to the settings the client runs with and to this test: the
        // names and the count say so. Nothing can set a setting once read.
        var settings = typeof(SkaftinRealtimeOptions).GetProperties().Select(static p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Length + 2, settings.Length);
    }

    [Fact]
    public void TheClientRunsWithImmutableSettingsHoldingEveryValidatedSetting()
    {
        var options = new SkaftinRealtimeOptions
        {
            ApiUrl = new Uri("https://example.test:5000"),
            ApiKey = "key",
            HandlerContext = new SynchronizationContext(),
            RetryPolicy = new NeverRetry(),
            DispatchQueueCapacity = 7,
            SendTimeout = TimeSpan.FromSeconds(3),
            MeterFactory = new TestMeterFactory(),
            Projects = { "p1" },
        };

        var settings = ClientSettings.From(options);
        options.DispatchQueueCapacity = 9;
        options.Projects.Add("p2");

        // Every setting of the options is there, with the value it had when read; none can be set afterwards.
        var read = options.Snapshot();
        read.DispatchQueueCapacity = 7;
        read.Projects.Remove("p2");
        foreach (var property in typeof(SkaftinRealtimeOptions).GetProperties())
        {
            var kept = typeof(ClientSettings).GetProperty(property.Name);
            Assert.True(kept is not null, $"ClientSettings lacks {property.Name}");
            Assert.False(kept!.CanWrite, property.Name);
            var (expected, actual) = (property.GetValue(read), kept.GetValue(settings));
            switch (property.Name)
            {
                case nameof(SkaftinRealtimeOptions.Projects):
                    Assert.Equal((IEnumerable<string>)expected!, (IEnumerable<string>)actual!);
                    break;
                case nameof(SkaftinRealtimeOptions.Credential):
                    Assert.NotSame(options.Credential, actual);
                    break;
                default:
                    Assert.Equal(expected, actual);
                    break;
            }
        }

        Assert.Equal(typeof(SkaftinRealtimeOptions).GetProperties().Length, typeof(ClientSettings).GetProperties().Length);
        Assert.Contains("DispatchQueueCapacity", Assert.Throws<ArgumentException>(() => ClientSettings.From(new SkaftinRealtimeOptions { DispatchQueueCapacity = 0 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultRetryPolicyIsCopiedNotShared()
    {
        var policy = new SkaftinRetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(2), Jitter = 0.1 };
        var copy = (SkaftinRetryPolicy)new SkaftinRealtimeOptions { RetryPolicy = policy }.Snapshot().RetryPolicy;

        policy.MaxAttempts = 100;
        policy.Enabled = false;

        Assert.NotSame(policy, copy);
        Assert.Equal((true, (int?)3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 0.1), (copy.Enabled, copy.MaxAttempts, copy.InitialDelay, copy.MaxDelay, copy.Jitter));
    }

    private sealed class NeverRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) => null;
    }

    internal sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Meters { get; } = new();

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            lock (Meters)
            {
                Meters.Add(meter);
            }

            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in Meters)
            {
                meter.Dispose();
            }
        }
    }
}
