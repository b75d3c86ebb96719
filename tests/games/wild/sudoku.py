"""Sudoku
Click a cell and type 1-9 to fill it, Backspace/0 to clear. Arrow keys move the selection.
Wrong entries turn red. Press H for a hint, N for a new puzzle.
"""
import random
import sys

import pygame

CELL = 60
BOARD_PX = CELL * 9
WIDTH, HEIGHT = BOARD_PX, BOARD_PX + 60


def valid(grid, r, c, n):
    if n in grid[r]:
        return False
    if any(grid[i][c] == n for i in range(9)):
        return False
    br, bc = 3 * (r // 3), 3 * (c // 3)
    return all(grid[i][j] != n for i in range(br, br + 3) for j in range(bc, bc + 3))


def fill(grid):
    for r in range(9):
        for c in range(9):
            if grid[r][c] == 0:
                nums = list(range(1, 10))
                random.shuffle(nums)
                for n in nums:
                    if valid(grid, r, c, n):
                        grid[r][c] = n
                        if fill(grid):
                            return True
                        grid[r][c] = 0
                return False
    return True


def generate(holes=45):
    solution = [[0] * 9 for _ in range(9)]
    fill(solution)
    puzzle = [row[:] for row in solution]
    cells = [(r, c) for r in range(9) for c in range(9)]
    random.shuffle(cells)
    for r, c in cells[:holes]:
        puzzle[r][c] = 0
    return puzzle, solution


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Sudoku")
    clock = pygame.time.Clock()
    num_font = pygame.font.SysFont("dejavusans", 36)
    ui_font = pygame.font.SysFont("dejavusans", 20)

    puzzle, solution = generate()
    given = [[v != 0 for v in row] for row in puzzle]
    selected = (0, 0)
    mistakes = 0
    start = pygame.time.get_ticks()

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.MOUSEBUTTONDOWN and event.pos[1] < BOARD_PX:
                selected = (event.pos[1] // CELL, event.pos[0] // CELL)
            if event.type == pygame.KEYDOWN:
                r, c = selected
                if event.key == pygame.K_UP:
                    selected = ((r - 1) % 9, c)
                elif event.key == pygame.K_DOWN:
                    selected = ((r + 1) % 9, c)
                elif event.key == pygame.K_LEFT:
                    selected = (r, (c - 1) % 9)
                elif event.key == pygame.K_RIGHT:
                    selected = (r, (c + 1) % 9)
                elif event.key == pygame.K_n:
                    puzzle, solution = generate()
                    given = [[v != 0 for v in row] for row in puzzle]
                    mistakes, start = 0, pygame.time.get_ticks()
                elif event.key == pygame.K_h:
                    empty = [(i, j) for i in range(9) for j in range(9) if puzzle[i][j] != solution[i][j]]
                    if empty:
                        i, j = random.choice(empty)
                        puzzle[i][j] = solution[i][j]
                elif not given[r][c]:
                    if event.key in (pygame.K_BACKSPACE, pygame.K_DELETE, pygame.K_0):
                        puzzle[r][c] = 0
                    elif event.unicode and event.unicode in "123456789":
                        puzzle[r][c] = int(event.unicode)
                        if puzzle[r][c] != solution[r][c]:
                            mistakes += 1

        screen.fill((255, 255, 255))
        sr, sc = selected
        for r in range(9):
            for c in range(9):
                rect = pygame.Rect(c * CELL, r * CELL, CELL, CELL)
                if (r, c) == selected:
                    pygame.draw.rect(screen, (190, 220, 255), rect)
                elif r == sr or c == sc or (r // 3, c // 3) == (sr // 3, sc // 3):
                    pygame.draw.rect(screen, (232, 240, 250), rect)
                v = puzzle[r][c]
                if v:
                    if given[r][c]:
                        color = (20, 20, 20)
                    elif v == solution[r][c]:
                        color = (40, 90, 200)
                    else:
                        color = (220, 40, 40)
                    txt = num_font.render(str(v), True, color)
                    screen.blit(txt, txt.get_rect(center=rect.center))
        for i in range(10):
            width = 3 if i % 3 == 0 else 1
            pygame.draw.line(screen, (0, 0, 0), (0, i * CELL), (BOARD_PX, i * CELL), width)
            pygame.draw.line(screen, (0, 0, 0), (i * CELL, 0), (i * CELL, BOARD_PX), width)
        done = puzzle == solution
        seconds = (pygame.time.get_ticks() - start) // 1000
        status = "Solved! Press N for another" if done else f"Time {seconds // 60}:{seconds % 60:02d}   Mistakes {mistakes}   H hint  N new"
        screen.blit(ui_font.render(status, True, (30, 30, 30)), (10, BOARD_PX + 18))
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()
