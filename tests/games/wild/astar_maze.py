"""A* Maze Solver
Generates a random maze (recursive backtracker) and animates A* finding the way out.
Space generates a new maze, click a cell to move the goal, +/- change the animation speed.
"""
import random
import sys
from queue import PriorityQueue

import pygame

COLS, ROWS = 41, 31
CELL = 18
WIDTH, HEIGHT = COLS * CELL, ROWS * CELL + 30

WALL, OPEN = 1, 0


def generate_maze():
    grid = [[WALL] * COLS for _ in range(ROWS)]
    stack = [(1, 1)]
    grid[1][1] = OPEN
    while stack:
        x, y = stack[-1]
        neighbours = []
        for dx, dy in ((2, 0), (-2, 0), (0, 2), (0, -2)):
            nx, ny = x + dx, y + dy
            if 0 < nx < COLS - 1 and 0 < ny < ROWS - 1 and grid[ny][nx] == WALL:
                neighbours.append((nx, ny, dx, dy))
        if neighbours:
            nx, ny, dx, dy = random.choice(neighbours)
            grid[y + dy // 2][x + dx // 2] = OPEN
            grid[ny][nx] = OPEN
            stack.append((nx, ny))
        else:
            stack.pop()
    # knock out a few extra walls so there is more than one route
    for _ in range(40):
        x, y = random.randrange(1, COLS - 1), random.randrange(1, ROWS - 1)
        grid[y][x] = OPEN
    return grid


def heuristic(a, b):
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def astar_steps(grid, start, goal):
    """Generator: yields (open_set, closed_set, path) after every expansion."""
    frontier = PriorityQueue()
    frontier.put((0, 0, start))
    came_from = {start: None}
    cost = {start: 0}
    closed = set()
    counter = 0
    while not frontier.empty():
        _, _, current = frontier.get()
        if current in closed:
            continue
        closed.add(current)
        if current == goal:
            break
        x, y = current
        for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if grid[ny][nx] == WALL:
                continue
            new_cost = cost[current] + 1
            if (nx, ny) not in cost or new_cost < cost[(nx, ny)]:
                cost[(nx, ny)] = new_cost
                counter += 1
                frontier.put((new_cost + heuristic((nx, ny), goal), counter, (nx, ny)))
                came_from[(nx, ny)] = current
        yield set(came_from) - closed, closed, []
    path = []
    node = goal if goal in came_from else None
    while node is not None:
        path.append(node)
        node = came_from[node]
    yield set(), closed, path[::-1]


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("A* Maze Solver")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 18)

    grid = generate_maze()
    start, goal = (1, 1), (COLS - 2, ROWS - 2)
    solver = astar_steps(grid, start, goal)
    open_set, closed, path = set(), set(), []
    steps_per_frame = 3

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN:
                if event.key == pygame.K_SPACE:
                    grid = generate_maze()
                    solver = astar_steps(grid, start, goal)
                    open_set, closed, path = set(), set(), []
                elif event.key in (pygame.K_PLUS, pygame.K_EQUALS):
                    steps_per_frame = min(50, steps_per_frame * 2)
                elif event.key == pygame.K_MINUS:
                    steps_per_frame = max(1, steps_per_frame // 2)
            if event.type == pygame.MOUSEBUTTONDOWN:
                cx, cy = event.pos[0] // CELL, event.pos[1] // CELL
                if 0 <= cy < ROWS and grid[cy][cx] == OPEN:
                    goal = (cx, cy)
                    solver = astar_steps(grid, start, goal)
                    open_set, closed, path = set(), set(), []

        if solver is not None:
            for _ in range(steps_per_frame):
                try:
                    open_set, closed, path = next(solver)
                except StopIteration:
                    solver = None
                    break

        screen.fill((20, 20, 20))
        for y in range(ROWS):
            for x in range(COLS):
                rect = (x * CELL, y * CELL, CELL, CELL)
                if grid[y][x] == WALL:
                    pygame.draw.rect(screen, (70, 70, 90), rect)
                elif (x, y) in closed:
                    pygame.draw.rect(screen, (60, 30, 90), rect)
                elif (x, y) in open_set:
                    pygame.draw.rect(screen, (40, 120, 90), rect)
        if len(path) > 1:
            points = [(x * CELL + CELL // 2, y * CELL + CELL // 2) for x, y in path]
            pygame.draw.lines(screen, (255, 220, 60), False, points, 4)
        pygame.draw.rect(screen, (60, 200, 255), (start[0] * CELL, start[1] * CELL, CELL, CELL))
        pygame.draw.rect(screen, (255, 80, 80), (goal[0] * CELL, goal[1] * CELL, CELL, CELL))
        status = f"explored {len(closed)}   path {len(path)}   speed {steps_per_frame}   SPACE new maze"
        screen.blit(font.render(status, True, (230, 230, 230)), (8, ROWS * CELL + 6))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
