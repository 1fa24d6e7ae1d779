using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

// The one-pass scan of an event's JSON array: name, payload bounds, depth, unpaired surrogates (\u escapes), table, type, offset.
internal static partial class SocketIOFrameReader
{
    /// <summary>
    /// One pass over an event's JSON array: its name, where its first argument (the payload) lies, whether that
    /// payload is too deep or holds an unpaired surrogate, the payload's <c>tableName</c> and <c>type</c>, and the
    /// last argument when it is a string (the recovery offset).
    /// </summary>
    private ref struct EventScan
    {
        private enum Field
        {
            None,
            Type,
            Table,
        }

        public string? Name;
        public bool NameIsInvalid;
        public int Arguments;
        public int PayloadStart;
        public int PayloadLength;
        public bool PayloadTooDeep;
        public bool PayloadHasUnpairedSurrogate;
        public string? TableName;
        public string? EventType;
        public bool LastIsString;
        public string? LastString;

        public readonly ReadOnlySpan<byte> PayloadOr(ReadOnlySpan<byte> whole) =>
            Arguments > 0 && PayloadLength > 0 ? whole.Slice(PayloadStart, PayloadLength) : whole;

        /// <param name="json">The event's JSON array.</param>
        /// <param name="isFinalBlock">False when <paramref name="json"/> is only the start of the array: read what is there.</param>
        public void Read(ReadOnlySpan<byte> json, bool isFinalBlock = true)
        {
            var reader = new Utf8JsonReader(json, isFinalBlock, new JsonReaderState(Unbounded));
            if (!Expect(ref reader, isFinalBlock, JsonTokenType.StartArray, "an event must be a JSON array.")
                || !Expect(ref reader, isFinalBlock, JsonTokenType.String, "an event's first element must be its name."))
            {
                return;
            }

            Name = SafeString(ref reader);
            if (Name is null)
            {
                NameIsInvalid = true;
                Name = Utf8Text.Decode(reader.ValueSpan);
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                var first = Arguments == 0;
                LastIsString = reader.TokenType == JsonTokenType.String;
                LastString = LastIsString ? SafeString(ref reader) : null;
                Arguments++;
                if (first)
                {
                    PayloadStart = start;
                    ScanPayload(ref reader);
                    PayloadLength = (int)reader.BytesConsumed - start;
                }
                else if (!reader.TrySkip())
                {
                    return; // the rest of a partial frame is not here
                }
            }

            if (!isFinalBlock)
            {
                return;
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException("the event's JSON ended early.");
            }

            if (reader.Read())
            {
                throw new JsonException("unexpected content after the event's array.");
            }
        }

        // Reads the next token, which must be of type `expected`; false when a partial frame holds no more.
        private static bool Expect(ref Utf8JsonReader reader, bool isFinalBlock, JsonTokenType expected, string error)
        {
            if (!reader.Read())
            {
                return isFinalBlock ? throw new JsonException(error) : false;
            }

            return reader.TokenType == expected ? true : throw new JsonException(error);
        }

        // Walks the first argument token by token; the reader stands on its first token (depth 1) and ends on its last.
        private void ScanPayload(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                CheckEscapes(ref reader);
                return;
            }

            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return;
            }

            var field = Field.None;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.EndObject or JsonTokenType.EndArray when reader.CurrentDepth == 1:
                        return;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        PayloadTooDeep |= reader.CurrentDepth > SkaftinFrameException.MaxPayloadDepth;
                        break;
                    case JsonTokenType.PropertyName:
                        var valid = CheckEscapes(ref reader);
                        field = !valid || reader.CurrentDepth != 2 ? Field.None
                            : reader.ValueTextEquals("type"u8) ? Field.Type
                            : reader.ValueTextEquals("tableName"u8) ? Field.Table
                            : Field.None;
                        continue;
                    case JsonTokenType.String when CheckEscapes(ref reader) && field != Field.None:
                        if (field == Field.Type)
                        {
                            EventType = reader.GetString();
                        }
                        else
                        {
                            TableName = reader.GetString();
                        }

                        break;
                }

                field = Field.None;
            }
        }

        private bool CheckEscapes(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped && Utf16Escapes.HasUnpairedSurrogate(reader.ValueSpan))
            {
                PayloadHasUnpairedSurrogate = true;
                return false;
            }

            return true;
        }
    }
}
