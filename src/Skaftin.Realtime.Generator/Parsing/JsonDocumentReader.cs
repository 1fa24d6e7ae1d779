using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>
/// A small, strict JSON (RFC 8259) reader for the schema snapshot. The generator targets netstandard2.0 and ships as
/// one analyzer assembly, and System.Text.Json is not among what every host loads for it, so it reads the file
/// itself rather than carry a dependency into the package.
/// </summary>
internal sealed class JsonDocumentReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _position;

    private JsonDocumentReader(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>: a <see cref="JsonValue"/>, or null with the error and its offset.</summary>
    public static JsonValue? TryParse(string text, out string? error, out int errorOffset)
    {
        var reader = new JsonDocumentReader(text);
        try
        {
            // A UTF-8 byte order mark is allowed before the value.
            if (reader._text.Length > 0 && reader._text[0] == '\uFEFF')
            {
                reader._position = 1;
            }

            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._position != reader._text.Length)
            {
                throw reader.Error("unexpected text after the JSON value");
            }

            error = null;
            errorOffset = 0;
            return value;
        }
        catch (JsonReadException e)
        {
            error = e.Message;
            errorOffset = e.Offset;
            return null;
        }
    }

    private JsonValue ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"the JSON nests deeper than {MaxDepth} levels");
        }

        SkipWhitespace();
        if (_position >= _text.Length)
        {
            throw Error("the JSON ends where a value was expected");
        }

        var start = _position;
        switch (_text[_position])
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                return new JsonValue(JsonKind.String, start, ReadString(), null, null);
            case 't':
                ExpectWord("true");
                return new JsonValue(JsonKind.True, start, null, null, null);
            case 'f':
                ExpectWord("false");
                return new JsonValue(JsonKind.False, start, null, null, null);
            case 'n':
                ExpectWord("null");
                return new JsonValue(JsonKind.Null, start, null, null, null);
            default:
                return new JsonValue(JsonKind.Number, start, ReadNumber(), null, null);
        }
    }

    private JsonValue ReadObject(int depth)
    {
        var start = _position++;
        var members = new List<KeyValuePair<string, JsonValue>>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return new JsonValue(JsonKind.Object, start, null, members, null);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("a property name (a string in double quotes) was expected");
            }

            var name = ReadString();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("':' was expected after a property name");
            }

            _position++;
            members.Add(new KeyValuePair<string, JsonValue>(name, ReadValue(depth + 1)));
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == '}')
            {
                return new JsonValue(JsonKind.Object, start, null, members, null);
            }

            if (next != ',')
            {
                _position--;
                throw Error("',' or '}' was expected in an object");
            }
        }
    }

    private JsonValue ReadArray(int depth)
    {
        var start = _position++;
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return new JsonValue(JsonKind.Array, start, null, null, items);
        }

        while (true)
        {
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == ']')
            {
                return new JsonValue(JsonKind.Array, start, null, null, items);
            }

            if (next != ',')
            {
                _position--;
                throw Error("',' or ']' was expected in an array");
            }
        }
    }

    private string ReadString()
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("a string is not closed");
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                _position--;
                throw Error("a control character must be escaped in a string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var escape = Peek();
            _position++;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length || !ushort.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("'\\u' must be followed by four hexadecimal digits");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    _position--;
                    throw Error("unknown escape in a string");
            }
        }
    }

    private string ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!ReadDigits())
        {
            _position = start;
            throw Error("a value (object, array, string, number, true, false or null) was expected");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!ReadDigits())
            {
                throw Error("a digit was expected after '.' in a number");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!ReadDigits())
            {
                throw Error("a digit was expected in a number's exponent");
            }
        }

        return _text.Substring(start, _position - start);
    }

    private bool ReadDigits()
    {
        var start = _position;
        while (Peek() is >= '0' and <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private void ExpectWord(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error("a value (object, array, string, number, true, false or null) was expected");
        }

        _position += word.Length;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private JsonReadException Error(string message) => new(message, Math.Min(_position, _text.Length));

    private sealed class JsonReadException : Exception
    {
        public JsonReadException(string message, int offset)
            : base(message) => Offset = offset;

        public int Offset { get; }
    }
}

/// <summary>The kinds of JSON values.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value: a string's text or a number's literal in <see cref="Text"/>, an object's members in order,
/// or an array's items. Lives only while the snapshot is read; the models hold none.
/// </summary>
internal sealed class JsonValue
{
    public JsonValue(JsonKind kind, int offset, string? text, List<KeyValuePair<string, JsonValue>>? members, List<JsonValue>? items)
    {
        Kind = kind;
        Offset = offset;
        Text = text;
        Members = members ?? new List<KeyValuePair<string, JsonValue>>();
        Items = items ?? new List<JsonValue>();
    }

    public JsonKind Kind { get; }

    /// <summary>Where the value starts in the text, for diagnostics.</summary>
    public int Offset { get; }

    public string? Text { get; }

    public List<KeyValuePair<string, JsonValue>> Members { get; }

    public List<JsonValue> Items { get; }

    /// <summary>The member named <paramref name="name"/> of an object (the last one, as most readers do), or null.</summary>
    public JsonValue? this[string name]
    {
        get
        {
            JsonValue? found = null;
            foreach (var member in Members)
            {
                if (member.Key == name)
                {
                    found = member.Value;
                }
            }

            return found;
        }
    }
}
