export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: string;
  areaCode: string;
  areaName: string;
  departmentCode: string | null;
  departmentName: string | null;
  /** The list carries the phone whole (admins only); PUT replaces it, so the edit dialog sends it back. */
  phone?: string | null;
  active: boolean;
  lockedUntil: string | null;
}

export interface UserListQuery {
  q?: string;
  role?: string;
  page: number;
  pageSize: number;
}

export interface UserUpdateBody {
  displayName: string;
  role: string;
  areaCode: string;
  departmentCode?: string | null;
  phone?: string | null;
  active: boolean;
}

export interface UserCreateBody {
  username: string;
  displayName: string;
  role: string;
  areaCode: string;
  departmentCode?: string | null;
  phone?: string | null;
  password: string;
}
