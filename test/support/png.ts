// Looking at a decoded PNG in a test: is there a picture, or is it blank?
/** How much of an RGBA/RGB picture is not the white background, and how many colours it uses. */
export function pictureStats(image: { width: number; height: number; data: ArrayLike<number>; channels: number }) {
  const colours = new Set<number>();
  let ink = 0;
  for (let i = 0; i < image.width * image.height; i++) {
    const o = i * image.channels;
    const [r, g, b] = [image.data[o]!, image.data[o + 1]!, image.data[o + 2]!];
    colours.add((r << 16) | (g << 8) | b);
    if (r < 240 || g < 240 || b < 240) ink++;
  }
  const share = ink / (image.width * image.height);
  // Anti-aliased text and bars give hundreds of colours; a blank or flat image has a handful.
  return { colours: colours.size, ink: share, blank: colours.size < 16 || share < 0.01 };
}
