// The instant a server render reads "now" at (epoch ms). Pages pass it to the client so the first
// client render of a timer matches the server's; one function, so the clock a page reads is one place.
export function renderNow(): number {
  return Date.now();
}
