/** "48 · entrepreneur · Karaganda", or a plain statement that nothing is stated. */
export function VoiceFactsLine({
  age,
  occupation,
  city,
  place,
}: {
  age: number | null;
  occupation: string | null;
  city: string | null;
  place: string | null;
}) {
  const cityText = city && place && place !== city ? `${city} (now ${place})` : city;
  const parts = [age !== null ? `${age} years old` : null, occupation, cityText].filter(Boolean);
  return <p className="voice-facts">{parts.length ? parts.join(" · ") : "Age, occupation and city not stated"}</p>;
}
