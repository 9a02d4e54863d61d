/**
 * The page of GB/T 9704-2012 (党政机关公文格式) §5: A4 (210 × 297 mm); 天头 (top margin) 37 mm, 订口 (left) 28 mm, a
 * 156 × 225 mm text block, so 26 mm right and 35 mm bottom; 正文 in 3号仿宋 (16 pt), titles in 2号 (22 pt).
 */
export const PAGE_MM = { width: 210, height: 297, top: 37, left: 28, right: 26, bottom: 35 } as const;
export const FONT_PT = { title: 22, issuer: 18, body: 16 } as const;

export const mmToPt = (mm: number): number => (mm * 72) / 25.4;
/** Word measures in twentieths of a point (twips). */
export const mmToTwip = (mm: number): number => Math.round(mmToPt(mm) * 20);

/** Font names Word looks for, as the national document norms name them. */
export const WORD_FONTS = { body: '仿宋_GB2312', title: '宋体', heading: '黑体' } as const;
