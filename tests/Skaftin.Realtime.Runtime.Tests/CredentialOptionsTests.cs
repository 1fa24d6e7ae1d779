using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocketIOClient;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>Credentials are optional and go where the options say; the options bind from configuration and are validated.</summary>
public sealed class CredentialOptionsTests
{
    private readonly FakeSocketServer _server = new();

    [Fact]
    public async Task WithNoProviderAndNoKeyTheClientConnectsSendingNoCredential()
    {
        await using var client = _server.CreateClient(static o => o.AccessTokenProvider = null);

        await client.StartAsync();

        Assert.Null(Assert.Single(_server.Connections).Credential);
    }

    [Fact]
    public async Task AnEmptyCredentialIsNotSent()
    {
        await using var client = _server.CreateClient(token: static () => "");

        await client.StartAsync();

        Assert.Null(Assert.Single(_server.Connections).Credential);
    }

    [Theory]
    [InlineData(SkaftinCredentialLocation.AuthField, "apiKey", null, "k-1")]
    [InlineData(SkaftinCredentialLocation.QueryParameter, "api_key", null, "k-1")]
    [InlineData(SkaftinCredentialLocation.Header, "Authorization", "Bearer ", "Bearer k-1")]
    public async Task TheCredentialGoesWhereTheOptionsSay(SkaftinCredentialLocation location, string name, string? prefix, string sent)
    {
        await using var client = _server.CreateClient(
            o => o.Credential = new SkaftinCredentialOptions { Location = location, Name = name, Prefix = prefix },
            token: static () => "k-1");

        await client.StartAsync();

        Assert.Equal(new HandshakeCredential(location, name, sent), Assert.Single(_server.Connections).Credential);
    }

    [Fact]
    public void EachPlaceLandsInTheLibrarysOwnOptionAndAQueryValueIsEscaped()
    {
        var auth = new Dictionary<string, string>();
        var field = new SocketIOOptions();
        new HandshakeCredential(SkaftinCredentialLocation.AuthField, "apiKey", "a b").ApplyTo(field, auth);
        Assert.Equal("a b", auth["apiKey"]);
        Assert.Null(field.Query);
        Assert.Null(field.ExtraHeaders);

        var query = new SocketIOOptions();
        new HandshakeCredential(SkaftinCredentialLocation.QueryParameter, "key", "a b&c=d").ApplyTo(query, auth);
        Assert.Equal(new KeyValuePair<string, string>("key", "a%20b%26c%3Dd"), Assert.Single(query.Query));

        var header = new SocketIOOptions();
        new HandshakeCredential(SkaftinCredentialLocation.Header, "x-api-key", "secret").ApplyTo(header, auth);
        Assert.Equal("secret", header.ExtraHeaders["X-Api-Key"]);
        Assert.Single(auth);
    }

    [Fact]
    public void ACredentialNeverPrintsItsValue()
    {
        Assert.DoesNotContain("secret", new HandshakeCredential(SkaftinCredentialLocation.Header, "x-api-key", "secret").ToString());
    }

    [Fact]
    public void CredentialPlaceAndJoinConfirmationBindFromConfiguration()
    {
        var options = Bind(
            ("Skaftin:Credential:Location", "header"),
            ("Skaftin:Credential:Name", "Authorization"),
            ("Skaftin:Credential:Prefix", "Bearer "),
            ("Skaftin:JoinConfirmation", "onemit"));

        Assert.Equal((SkaftinCredentialLocation.Header, "Authorization", "Bearer "), (options.Credential.Location, options.Credential.Name, options.Credential.Prefix));
        Assert.Equal(JoinConfirmation.OnEmit, options.JoinConfirmation);
        Assert.Null(options.ApiKey);
    }

    // A word that is no member fails in the (generated) configuration binder, a number that is no member in the
    // options' rules; either way the message names the key, and the rule names the values it takes.
    [Theory]
    [InlineData("Skaftin:Credential:Location", "cookie", null)]
    [InlineData("Skaftin:Credential:Location", "7", "AuthField, QueryParameter or Header")]
    [InlineData("Skaftin:JoinConfirmation", "sometimes", null)]
    [InlineData("Skaftin:JoinConfirmation", "9", "ServerAnswer or OnEmit")]
    public void AMalformedValueNamesItsKey(string key, string value, string? expected)
    {
        var error = Assert.ThrowsAny<Exception>(() => Bind((key, value)));
        Assert.True(error is InvalidOperationException or OptionsValidationException, error.GetType().Name);
        Assert.Contains(key, error.Message);
        if (expected is not null)
        {
            Assert.Contains(expected, error.Message);
        }
    }

    [Theory]
    [InlineData(SkaftinCredentialLocation.AuthField, "pid", null, "Socket.IO's own")]
    [InlineData(SkaftinCredentialLocation.AuthField, "offset", null, "Socket.IO's own")]
    [InlineData(SkaftinCredentialLocation.QueryParameter, "EIO", null, "Socket.IO's own")]
    [InlineData(SkaftinCredentialLocation.QueryParameter, "transport", null, "Socket.IO's own")]
    [InlineData(SkaftinCredentialLocation.Header, "Sec-WebSocket-Key", null, "Socket.IO's own")]
    [InlineData(SkaftinCredentialLocation.Header, "Host", null, "Socket.IO's own")]
    [InlineData(SkaftinCredentialLocation.Header, "x api key", null, "not a valid HTTP header name")]
    [InlineData(SkaftinCredentialLocation.Header, "x-api-key", "Bearer\r\n", "line breaks")]
    [InlineData(SkaftinCredentialLocation.AuthField, " ", null, "must not be empty")]
    public void ACredentialPlaceTheHandshakeCannotCarryIsRefusedByName(SkaftinCredentialLocation location, string name, string? prefix, string expected)
    {
        var options = new SkaftinRealtimeOptions { Credential = new SkaftinCredentialOptions { Location = location, Name = name, Prefix = prefix } };

        var error = Assert.Throws<ArgumentException>(() => new SkaftinRealtimeClient(options));

        Assert.Contains("Skaftin:Credential:", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task TheDefaultOptionsAreValidWithoutACredential()
    {
        await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions());

        Assert.Equal(ConnectionState.Disconnected, client.State);
    }

    private static SkaftinRealtimeOptions Bind(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(static v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSkaftinRealtime(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SkaftinRealtimeOptions>>().Value;
    }
}
