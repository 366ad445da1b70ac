using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using StackExchange.Redis;

namespace RiskSdk.Redis;

/// <summary>
/// Reads <c>RISK_LEDGER_CONNECTION</c> before StackExchange.Redis does, so a mistake is refused at start with every
/// problem named, instead of a client that silently drops an endpoint (<c>localhost:abc</c>), dials a host with no name
/// (<c>:6379</c>) or a password fragment (<c>password=se,cret</c> makes <c>cret</c> a host), and retries for ever. The
/// text may hold a password: a message quotes only parts that come before any option and hold no <c>@</c>, and never the
/// value of a secret option.
/// </summary>
internal static class LedgerConnectionString
{
    private const string Expected = "expected host:port[,host:port...][,option=value...], for example redis.internal:6379,password=...,ssl=true";

    /// <summary>Parses the connection string, or throws listing every problem.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The client's options.</returns>
    /// <exception cref="ArgumentException">The string is not usable; the message lists every problem and holds no secret.</exception>
    public static ConfigurationOptions Parse(string connectionString)
    {
        var problems = new List<string>();
        var secrets = new List<string>();
        var endpoints = 0;
        var optionSeen = false;
        var secretSeen = false;
        var parts = connectionString.Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            var position = string.Create(CultureInfo.InvariantCulture, $"part {i + 1}");
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                var key = part[..equals].Trim();
                var value = part[(equals + 1)..].Trim();
                if (IsSecret(key))
                {
                    secretSeen = true;
                    if (value.Length > 0)
                    {
                        secrets.Add(value);
                    }
                    else
                    {
                        // "password=" with nothing after it is a variable that did not expand, not a wish for no password.
                        problems.Add($"{key} is empty (leave it out for none)");
                    }

                    optionSeen = true;
                    continue;
                }

                CheckOption(part, key, position, secretSeen, secrets, problems);
                optionSeen = true;
                continue;
            }

            if (optionSeen)
            {
                // Most likely the rest of a password that holds ',': never quote it.
                problems.Add($"{position} is a host after an option{(secretSeen ? " (a password that holds ',' cannot be written in the connection string)" : string.Empty)}; put every host:port first");
                continue;
            }

            endpoints++;
            CheckEndpoint(part, position, problems);
        }

        if (endpoints == 0 && problems.Count == 0)
        {
            problems.Add("it names no Redis server");
        }

        ConfigurationOptions? parsed = null;
        if (problems.Count == 0)
        {
            try
            {
                parsed = ConfigurationOptions.Parse(connectionString);
            }
            catch (ArgumentException exception)
            {
                problems.Add(Redact(exception.Message, secrets));
            }
        }

        if (problems.Count > 0 || parsed is null)
        {
            throw new ArgumentException($"The Redis ledger connection string (RISK_LEDGER_CONNECTION) is not usable: {string.Join("; ", problems)}. {Expected}.", nameof(connectionString));
        }

        return parsed;
    }

    private static bool IsSecret(string key) =>
        key.Equals("password", StringComparison.OrdinalIgnoreCase) || key.Equals("user", StringComparison.OrdinalIgnoreCase);

    private static void CheckOption(string part, string key, string position, bool secretSeen, List<string> secrets, List<string> problems)
    {
        try
        {
            ConfigurationOptions.Parse(part);
        }
        catch (ArgumentException exception)
        {
            // An unknown option after a password may be the password's own tail (password=a,b=c): name it by place only.
            if (secretSeen && exception.Message.Contains("not supported", StringComparison.Ordinal))
            {
                problems.Add($"{position} is not a known option (a password that holds ',' cannot be written in the connection string)");
            }
            else if (exception.Message.Contains("not supported", StringComparison.Ordinal))
            {
                problems.Add($"'{key}' is not a known option");
            }
            else
            {
                problems.Add(Redact(exception.Message, secrets).Replace(" (Parameter '" + exception.ParamName + "')", string.Empty, StringComparison.Ordinal));
            }
        }
    }

    private static void CheckEndpoint(string part, string position, List<string> problems)
    {
        if (part.Contains("://", StringComparison.Ordinal))
        {
            problems.Add($"{position} is a URI; write host:port (with ssl=true for TLS, password=... for a password)");
            return;
        }

        if (part.Contains('@', StringComparison.Ordinal))
        {
            problems.Add($"{position} holds '@'; write host:port, and credentials as user=... and password=...");
            return;
        }

        ConfigurationOptions single;
        try
        {
            single = ConfigurationOptions.Parse(part);
        }
        catch (ArgumentException)
        {
            problems.Add($"'{part}' is not host:port: the port must be a whole number from 1 to 65535");
            return;
        }

        if (single.EndPoints.Count == 0)
        {
            problems.Add($"'{part}' is not host:port: the port must be a whole number from 1 to 65535");
            return;
        }

        foreach (var endpoint in single.EndPoints)
        {
            // The client takes anything it cannot read as a host name (":6379" is the host ":6379"): a host must be a name or an address.
            if (endpoint is DnsEndPoint { Host: var host } && Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                problems.Add($"'{part}' names no host");
            }
        }
    }

    private static string Redact(string message, List<string> secrets)
    {
        foreach (var secret in secrets)
        {
            message = message.Replace(secret, "***", StringComparison.Ordinal);
        }

        return message;
    }
}
