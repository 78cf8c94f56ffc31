import { Input } from 'antd';
import { useEffect, useState } from 'react';

interface Props {
  /** The applied search (from the URL); the box follows it when it changes from outside (reset, back). */
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  width?: number;
}

/** A search box that applies on Enter / 查询, not on every keystroke. */
export function SearchBox({ value, onSearch, placeholder, width = 280 }: Props) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      placeholder={placeholder}
      allowClear
      enterButton="查询"
      style={{ width }}
      maxLength={40}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim() || undefined)}
    />
  );
}
