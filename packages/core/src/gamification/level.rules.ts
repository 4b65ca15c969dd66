/**
 * Points, levels and Jedi ranks (data-model C3, domain-rules §4.5): always derived from `total_points`,
 * never stored twice. Shared by the badge reads, the leaderboard and the account profile.
 */
export const levelOfPoints = (totalPoints: number): number =>
  Math.max(1, Math.floor(totalPoints / 100) + 1);

export const jediRankOfLevel = (level: number): string => {
  if (level < 5) return 'youngling';
  if (level < 15) return 'padawan';
  if (level < 30) return 'knight';
  if (level < 50) return 'master';
  return 'grand_master';
};

export interface GamificationLevel {
  totalPoints: number;
  currentLevel: number;
  experiencePoints: number;
  jediRank: string;
}

export const levelFromPoints = (totalPoints: number): GamificationLevel => {
  const points = Math.max(0, totalPoints);
  const currentLevel = levelOfPoints(points);
  return {
    totalPoints: points,
    currentLevel,
    experiencePoints: points % 100,
    jediRank: jediRankOfLevel(currentLevel),
  };
};
